using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>BR's <c>--gcs.*</c> flags (credentials come from the secret, not from <c>--gcs.credentials-file</c>).</summary>
public sealed class GcsStorageOptions
{
    [Description("--gcs.endpoint")]
    public string? Endpoint { get; set; }

    [Description("--gcs.storage-class")]
    public string? StorageClass { get; set; }

    [Description("--gcs.predefined-acl")]
    public string? PredefinedAcl { get; set; }
}
