namespace SegRestore.Br.Arguments;

/// <summary>S3 options; each becomes a query parameter of that storage's URL (BR's `S3BackendOptions` keys).</summary>
public sealed record S3StorageOptions(
    string? Region = null,
    string? Endpoint = null,
    string? Provider = null,
    string? Sse = null,
    string? Acl = null,
    string? StorageClass = null,
    bool? ForcePathStyle = null);
