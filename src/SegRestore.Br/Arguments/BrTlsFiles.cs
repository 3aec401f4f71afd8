namespace SegRestore.Br.Arguments;

/// <summary>Paths (inside the worker pod) of the client TLS files BR uses for PD, TiKV and TiDB.</summary>
public sealed record BrTlsFiles(string CaPath, string CertPath, string KeyPath);
