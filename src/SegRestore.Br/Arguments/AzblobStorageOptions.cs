namespace SegRestore.Br.Arguments;

/// <summary>Azure Blob options; each becomes a query parameter of that storage's URL (BR's `AzblobBackendOptions` keys).</summary>
public sealed record AzblobStorageOptions(
    string? AccountName = null,
    string? AccessTier = null,
    string? EncryptionScope = null,
    string? Endpoint = null);
