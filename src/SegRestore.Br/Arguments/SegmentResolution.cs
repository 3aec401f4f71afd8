using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Br.Arguments;

/// <summary>
/// What the controller resolved for one segment beyond its spec: TSOs (from the chain view and timestamp parsing)
/// and the chain root's checkpoint setting, which later segments inherit.
/// </summary>
public sealed record SegmentResolution(
    Tso? StartTs,
    Tso? RestoredTs,
    CheckpointMode CheckpointMode,
    string? CheckpointUrl);
