using SegRestore.Api.Models;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Why a segment is in its phase: the condition that carries the reason, its reason and message.</summary>
public sealed record SegmentReason(SegmentPhase? Phase, string? Condition, string? Reason, string? Message)
{
    public override string ToString() => $"{Phase}/{Condition}/{Reason}: {Message}";
}
