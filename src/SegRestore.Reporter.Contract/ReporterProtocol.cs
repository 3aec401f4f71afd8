namespace SegRestore.Reporter.Contract;

/// <summary>Constants both sides of the reporter protocol agree on.</summary>
public static class ReporterProtocol
{
    /// <summary>The metadata key carrying <c>Bearer &lt;token&gt;</c>.</summary>
    public const string AuthorizationKey = "authorization";

    public const string BearerPrefix = "Bearer ";

    /// <summary>File chunk size on the wire: well under the server's message limit, so a chunk never hits it.</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>The server's maximum message size (a chunk plus its small header fields).</summary>
    public const int MaxMessageSize = 1024 * 1024;

    /// <summary>The trailer naming the ledger's actual generation when a sync's expected generation is stale.</summary>
    public const string ActualGenerationTrailer = "segrestore-actual-generation";

    public static string BearerValue(string token) => BearerPrefix + token;
}
