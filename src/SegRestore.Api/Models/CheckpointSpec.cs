using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>
/// The checkpoint storage. No schema default on <see cref="Mode"/>: a later segment that omits it inherits the
/// root's mode, which an API-server default of Managed would silently override.
/// </summary>
public sealed class CheckpointSpec
{
    [Description("Managed (default on the chain root), Table or External; must equal the chain root's. " +
        "Later segments may omit it.")]
    public CheckpointMode? Mode { get; set; }

    [Description("BR's --checkpoint-storage URL: required for External, forbidden otherwise; equal across the chain.")]
    [System.ComponentModel.DataAnnotations.RegularExpression(SchemaPatterns.StorageUrl)]
    public string? Url { get; set; }
}
