using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>A backup location (BR's <c>-s</c>/<c>--full-backup-storage</c> URL) with its credentials and options.</summary>
public sealed class StorageSpec
{
    [Required]
    [Description("Storage URL: s3://, gcs://, azure://, local:// (BR's aliases gs://, azblob://, file:// too).")]
    [RegularExpression(SchemaPatterns.StorageUrl)]
    public string Url { get; set; } = "";

    [Description("Secret with this storage's credentials: access_key/secret_key (S3), credentials (GCS), " +
        "AZURE_* keys (Azure). Passed to BR through environment variables, never on the command line.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string? SecretName { get; set; }

    [Description("S3 (and S3-compatible) options.")]
    public S3StorageOptions? S3 { get; set; }

    [Description("Google Cloud Storage options.")]
    public GcsStorageOptions? Gcs { get; set; }

    [Description("Azure Blob Storage options.")]
    public AzblobStorageOptions? Azblob { get; set; }

    [Description("A local:// URL's volume: the PersistentVolumeClaim mounted into the worker.")]
    public LocalStorageOptions? Local { get; set; }
}
