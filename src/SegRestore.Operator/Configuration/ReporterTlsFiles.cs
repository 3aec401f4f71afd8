namespace SegRestore.Operator.Configuration;

/// <summary>The reporter's TLS certificate and key as PEM files (e.g. a mounted kubernetes.io/tls Secret).</summary>
public sealed class ReporterTlsFiles
{
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(CertFile) || !string.IsNullOrEmpty(KeyFile);
}
