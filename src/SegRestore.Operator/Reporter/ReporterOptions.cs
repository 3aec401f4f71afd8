using System.Net;

namespace SegRestore.Operator.Reporter;

/// <summary>The reporter endpoint's settings.</summary>
public sealed class ReporterOptions
{
    /// <summary>Where the HTTP/2-only gRPC endpoint listens (separate from /healthz and /metrics).</summary>
    public IPEndPoint Endpoint { get; set; } = new(IPAddress.Any, 9443);

    /// <summary>Calls one attempt may have in flight; more are refused with ResourceExhausted (the worker retries).</summary>
    public int MaxConcurrentCallsPerAttempt { get; set; } = 2;

    /// <summary>How long a call waits for a free slot of its attempt before it is refused.</summary>
    public TimeSpan SlotWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest gRPC message accepted (a checkpoint chunk plus headers).</summary>
    public int MaxMessageSize { get; set; } = SegRestore.Reporter.Contract.ReporterProtocol.MaxMessageSize;

    /// <summary>PEM certificate and key files; null serves h2c.</summary>
    public string? TlsCertFile { get; set; }

    public string? TlsKeyFile { get; set; }

    /// <summary>Where SyncCheckpoint spools a stream before committing it to the ledger in one generation.</summary>
    public string SpoolDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "segrestore-reporter");
}
