namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>A planned fault as it went: when (seconds into the run) and what it hit, or why it was skipped.</summary>
public sealed record ExecutedFault(PlannedFault Planned, TimeSpan At, bool Applied, string Outcome)
{
    public override string ToString() =>
        $"[+{At.TotalSeconds,6:0.0}s] {Planned}: {(Applied ? "" : "skipped, ")}{Outcome}";
}
