namespace SegRestore.Br.Arguments;

/// <summary>
/// The environment BR reads credentials from, per provider, as references to keys of the storage's Secret.
/// BR reads one set of variables per provider, so two storages of the same provider must share one Secret.
/// </summary>
public static class StorageCredentials
{
    public const string AccessKeyKey = "access_key";
    public const string SecretKeyKey = "secret_key";
    public const string GcsCredentialsKey = "credentials";

    public static IReadOnlyList<EnvFromSecret> For(StorageProvider provider, string secretName) => provider switch
    {
        StorageProvider.S3 =>
        [
            new("AWS_ACCESS_KEY_ID", secretName, AccessKeyKey),
            new("AWS_SECRET_ACCESS_KEY", secretName, SecretKeyKey),
        ],
        StorageProvider.Gcs => [new("GCS_SERVICE_ACCOUNT_JSON_KEY", secretName, GcsCredentialsKey)],
        StorageProvider.Azblob =>
        [
            // Either an AD application (id, secret, tenant) or a storage account key: whichever the Secret holds.
            new("AZURE_CLIENT_ID", secretName, "AZURE_CLIENT_ID", Optional: true),
            new("AZURE_CLIENT_SECRET", secretName, "AZURE_CLIENT_SECRET", Optional: true),
            new("AZURE_TENANT_ID", secretName, "AZURE_TENANT_ID", Optional: true),
            new("AZURE_STORAGE_ACCOUNT", secretName, "AZURE_STORAGE_ACCOUNT", Optional: true),
            new("AZURE_STORAGE_KEY", secretName, "AZURE_STORAGE_KEY", Optional: true),
        ],
        _ => [],
    };

    /// <summary>Env references for both storages; refuses two different Secrets for one provider.</summary>
    public static IReadOnlyList<EnvFromSecret> ForStorages(
        (StorageProvider Provider, string? SecretName, string Field) log,
        (StorageProvider Provider, string? SecretName, string Field)? fullBackup)
    {
        var env = new List<EnvFromSecret>();
        var byProvider = new Dictionary<StorageProvider, (string Secret, string Field)>();
        foreach (var (provider, secret, field) in fullBackup is { } fb ? [fb, log] : new[] { log })
        {
            if (secret is not { Length: > 0 })
            {
                continue;
            }

            if (byProvider.TryGetValue(provider, out var seen))
            {
                if (seen.Secret != secret)
                {
                    throw new BrArgumentException($"{field}.secretName",
                        $"{seen.Field}.secretName '{seen.Secret}' and {field}.secretName '{secret}' both hold {provider} credentials, " +
                        "but BR reads a single set of credential variables per provider; put both storages' credentials in one Secret and name it in both");
                }

                continue;
            }

            byProvider[provider] = (secret, field);
            env.AddRange(For(provider, secret));
        }

        return env;
    }
}
