namespace SegRestore.Br.Arguments;

/// <summary>GCS options; each becomes a query parameter of that storage's URL (BR's `GCSBackendOptions` keys).</summary>
public sealed record GcsStorageOptions(string? StorageClass = null, string? PredefinedAcl = null, string? Endpoint = null);
