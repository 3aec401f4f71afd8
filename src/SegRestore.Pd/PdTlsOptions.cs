namespace SegRestore.Pd;

/// <summary>
/// PEM files for TLS to PD, as BR's <c>--ca</c>, <c>--cert</c>, <c>--key</c> take them (a cluster TLS secret mounts
/// them as ca.crt, tls.crt, tls.key). The client certificate is optional; certificate and key go together.
/// </summary>
public sealed record PdTlsOptions(string CaPath, string? CertPath = null, string? KeyPath = null);
