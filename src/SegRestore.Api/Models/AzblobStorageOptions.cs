using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>
/// BR's <c>--azblob.*</c> flags that are not secrets. <c>--azblob.account-key</c>, <c>--azblob.sas-token</c> and
/// <c>--azblob.encryption-key</c> are secrets: they come from the storage secret as environment variables.
/// </summary>
public sealed class AzblobStorageOptions
{
    [Description("--azblob.endpoint")]
    public string? Endpoint { get; set; }

    [Description("--azblob.account-name")]
    public string? AccountName { get; set; }

    [Description("--azblob.access-tier (Hot, Cool, Archive).")]
    public string? AccessTier { get; set; }

    [Description("--azblob.encryption-scope")]
    public string? EncryptionScope { get; set; }
}
