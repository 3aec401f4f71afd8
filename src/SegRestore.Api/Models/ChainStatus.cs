using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>status.chain: where the segment sits in its chain.</summary>
public sealed class ChainStatus
{
    [Description("Name of the chain's first segment.")]
    public string? Root { get; set; }

    [Description("uid of the chain's first segment: the chain's identity.")]
    public string? RootUid { get; set; }

    [Description("Position in the chain, 0 for the first segment.")]
    public int? Index { get; set; }

    [Description("PD cluster id the chain is bound to (taken at segment 0), as a decimal string.")]
    [System.ComponentModel.DataAnnotations.RegularExpression(SchemaPatterns.DecimalNumber)]
    public string? ClusterId { get; set; }

    [Description("BR's flag for the final segment: last-segment, last, or none.")]
    public BrDialect? Dialect { get; set; }

    [Description("The chain's effective checkpoint mode.")]
    public CheckpointMode? CheckpointMode { get; set; }
}
