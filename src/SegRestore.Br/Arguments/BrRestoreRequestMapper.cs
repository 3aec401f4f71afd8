using SegRestore.Api.Models;
using SegRestore.Br.Probe;
using ApiAzblob = SegRestore.Api.Models.AzblobStorageOptions;
using ApiGcs = SegRestore.Api.Models.GcsStorageOptions;
using ApiS3 = SegRestore.Api.Models.S3StorageOptions;

namespace SegRestore.Br.Arguments;

/// <summary>
/// Fills a <see cref="BrRestoreRequest"/> from a segment's spec, what the controller resolved, and the probed BR.
/// Kept apart from the builder so that the builder does not depend on the API model's shape.
/// </summary>
public static class BrRestoreRequestMapper
{
    /// <summary>Where the worker pod mounts the TLS Secret named by spec.cluster.tlsSecretName.</summary>
    public const string DefaultTlsDirectory = "/var/lib/segrestore/tls";

    public static BrRestoreRequest FromSpec(
        PointRestoreSegmentSpec spec,
        SegmentResolution resolution,
        BrCapabilities capabilities,
        string tlsDirectory = DefaultTlsDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(capabilities);
        return new BrRestoreRequest
        {
            Pd = spec.Cluster.Pd ?? "",
            Tls = spec.Cluster.TlsSecretName is { Length: > 0 }
                ? new BrTlsFiles(Path.Combine(tlsDirectory, "ca.crt"), Path.Combine(tlsDirectory, "tls.crt"), Path.Combine(tlsDirectory, "tls.key"))
                : null,
            Log = Storage(spec.Log),
            FullBackup = spec.FullBackup is null ? null : Storage(spec.FullBackup),
            StartTs = spec.FullBackup is null ? resolution.StartTs?.Value : null,
            RestoredTs = resolution.RestoredTs?.Value,
            Last = spec.Last,
            Dialect = capabilities.Dialect,
            CheckpointStorageSupported = capabilities.SupportsCheckpointStorage,
            CheckpointMode = resolution.CheckpointMode switch
            {
                CheckpointMode.Table => BrCheckpointMode.Table,
                CheckpointMode.External => BrCheckpointMode.External,
                _ => BrCheckpointMode.Managed,
            },
            CheckpointUrl = resolution.CheckpointUrl,
            Concurrency = spec.Br?.Concurrency,
            PitrConcurrency = spec.Br?.PitrConcurrency,
            Filters = spec.Br?.Filter ?? [],
            ExtraArgs = spec.Br?.ExtraArgs ?? [],
        };
    }

    private static BrStorage Storage(StorageSpec storage) => new(
        storage.Url,
        storage.SecretName,
        storage.S3 is { } s3 ? S3(s3) : null,
        storage.Gcs is { } gcs ? Gcs(gcs) : null,
        storage.Azblob is { } az ? Azblob(az) : null);

    private static S3StorageOptions S3(ApiS3 s3) =>
        new(s3.Region, s3.Endpoint, s3.Provider, s3.Sse, s3.Acl, s3.StorageClass, s3.ForcePathStyle);

    private static GcsStorageOptions Gcs(ApiGcs gcs) => new(gcs.StorageClass, gcs.PredefinedAcl, gcs.Endpoint);

    private static AzblobStorageOptions Azblob(ApiAzblob az) => new(az.AccountName, az.AccessTier, az.EncryptionScope, az.Endpoint);
}
