namespace SegRestore.Br.Arguments;

/// <summary>
/// One backup storage as BR gets it: the URL, the Secret that holds its credentials (never the values), and the
/// provider block matching the URL's scheme.
/// </summary>
public sealed record BrStorage(
    string Url,
    string? SecretName = null,
    S3StorageOptions? S3 = null,
    GcsStorageOptions? Gcs = null,
    AzblobStorageOptions? Azblob = null);
