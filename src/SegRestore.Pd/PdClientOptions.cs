namespace SegRestore.Pd;

public sealed class PdClientOptions
{
    /// <summary>Comma-separated PD client addresses (see <see cref="PdAddresses"/>).</summary>
    public required string Addresses { get; init; }

    /// <summary>TLS files; null talks to PD in plain text unless an address says https.</summary>
    public PdTlsOptions? Tls { get; init; }

    /// <summary>How long one address may take to answer before the next is tried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as RequestHeader.caller_id so PD's logs show who asked.</summary>
    public string CallerId { get; init; } = "segrestore";
}
