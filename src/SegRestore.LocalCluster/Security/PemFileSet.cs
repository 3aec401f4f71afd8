namespace SegRestore.LocalCluster.Security;

/// <summary>The PEM files of <see cref="CertificateAuthority.WritePemFiles"/>.</summary>
public sealed record PemFileSet(string CaFile, string CertFile, string KeyFile);
