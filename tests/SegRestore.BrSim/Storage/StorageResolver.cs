namespace SegRestore.BrSim.Storage;

/// <summary>
/// Maps BR storage URLs to directories: local:// is a real directory; s3://, gcs:// (gs://) and azure:// (azblob://)
/// are directories under world/storage/&lt;scheme&gt;/&lt;bucket&gt;/&lt;path&gt;, opened only when the credentials BR would use are
/// present in the environment.
/// </summary>
public sealed class StorageResolver(string? worldDirectory, Func<string, string?> environment)
{
    public StorageLocation Resolve(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return new StorageLocation(url, Path.GetFullPath(url), null);
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var rest = url[(schemeEnd + 3)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        switch (scheme)
        {
            case "local":
            case "file":
                return new StorageLocation(url, Path.GetFullPath(rest.Length == 0 ? "/" : rest), null);
            case "noop":
                return new StorageLocation(url, null, "[BR:ExternalStorage:ErrStorageInvalidConfig]noop storage cannot be read");
            case "s3":
                return Cloud(url, "s3", rest, MissingS3Credentials());
            case "gcs":
            case "gs":
                return Cloud(url, "gcs", rest, MissingGcsCredentials());
            case "azure":
            case "azblob":
                return Cloud(url, "azure", rest, MissingAzureCredentials());
            default:
                return new StorageLocation(url, null,
                    $"storage {scheme} not support yet: [BR:ExternalStorage:ErrStorageInvalidConfig]invalid external storage config");
        }
    }

    private StorageLocation Cloud(string url, string scheme, string bucketAndPath, string? credentialError)
    {
        if (credentialError is not null)
        {
            return new StorageLocation(url, null, credentialError);
        }

        if (worldDirectory is null)
        {
            return new StorageLocation(url, null,
                "[BR:ExternalStorage:ErrStorageInvalidConfig]BRSIM_WORLD must be set to map cloud storage");
        }

        var relative = bucketAndPath.Trim('/').Replace('/', Path.DirectorySeparatorChar);
        return new StorageLocation(url, Path.Combine(worldDirectory, "storage", scheme, relative), null);
    }

    private string? MissingS3Credentials() =>
        Present("AWS_ACCESS_KEY_ID") && Present("AWS_SECRET_ACCESS_KEY")
            ? null
            : "NoCredentialProviders: no valid providers in chain. Deprecated.\n\tFor verbose messaging see aws.Config.CredentialsChainVerboseErrors";

    private string? MissingGcsCredentials() =>
        Present("GCS_SERVICE_ACCOUNT_JSON_KEY") || Present("GOOGLE_APPLICATION_CREDENTIALS")
            ? null
            : "dialed to GCS with default credentials: google: could not find default credentials. "
              + "See https://cloud.google.com/docs/authentication/external/set-up-adc for more information";

    private string? MissingAzureCredentials() =>
        (Present("AZURE_CLIENT_ID") && Present("AZURE_CLIENT_SECRET") && Present("AZURE_TENANT_ID")) || Present("AZURE_STORAGE_KEY")
            ? null
            : "[BR:ExternalStorage:ErrStorageInvalidConfig]will use default credential to access azure blob storage, "
              + "but no AZURE_CLIENT_ID/AZURE_CLIENT_SECRET/AZURE_TENANT_ID or AZURE_STORAGE_KEY is set";

    private bool Present(string name) => !string.IsNullOrEmpty(environment(name));
}
