namespace SegRestore.Api.Flags;

/// <summary>
/// The worker's environment variables the operator sets, which spec.worker.env may not set: its own settings (the
/// SEGRESTORE_ prefix, TMPDIR, DOTNET_gcServer) always, and a storage provider's credential variables when a
/// storage of that provider names its Secret (the operator then takes them from it). A test holds this list equal to
/// what the operator's worker environment and BR's credential mapping really set.
/// </summary>
public static class OwnedWorkerEnv
{
    public const string Prefix = "SEGRESTORE_";

    public static IReadOnlyList<string> Always { get; } = ["TMPDIR", "DOTNET_gcServer"];

    /// <summary>Credential variables per storage URL scheme (lower case).</summary>
    public static IReadOnlyList<string> CredentialsOf(string scheme) => scheme switch
    {
        "s3" => ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        "gcs" or "gs" => ["GCS_SERVICE_ACCOUNT_JSON_KEY"],
        "azure" or "azblob" => ["AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID", "AZURE_STORAGE_ACCOUNT", "AZURE_STORAGE_KEY"],
        _ => [],
    };
}
