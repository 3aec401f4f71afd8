using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>BR's <c>--s3.*</c> flags.</summary>
public sealed class S3StorageOptions
{
    [Description("--s3.region")]
    public string? Region { get; set; }

    [Description("--s3.endpoint, for S3-compatible stores (MinIO, Ceph, ...).")]
    public string? Endpoint { get; set; }

    [Description("--s3.provider, e.g. aws, alibaba, ceph, minio.")]
    public string? Provider { get; set; }

    [Description("--s3.force-path-style")]
    public bool? ForcePathStyle { get; set; }

    [Description("--s3.sse, server-side encryption (e.g. aws:kms).")]
    public string? Sse { get; set; }

    [Description("--s3.acl")]
    public string? Acl { get; set; }

    [Description("--s3.storage-class")]
    public string? StorageClass { get; set; }
}
