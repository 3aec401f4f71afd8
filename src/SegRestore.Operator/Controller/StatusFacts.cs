using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Operator.Controller;

/// <summary>What the reconciler knows beyond the verdict; null fields keep the current status' values.</summary>
public sealed record StatusFacts
{
    public ChainStatus? Chain { get; init; }

    /// <summary>The previous segment's name, when the chain rules found it succeeded.</summary>
    public string? PredecessorName { get; init; }

    public Tso? StartTs { get; init; }

    public Tso? RestoredTs { get; init; }

    public int? Attempts { get; init; }

    public string? WorkerPod { get; init; }

    public ProgressStatus? Progress { get; init; }

    public SummaryStatus? Summary { get; init; }

    public ItemsStatus? Items { get; init; }

    public LogWindowStatus? LogWindow { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    /// <summary>ChainFinalized and TiFlashReplicasRestored on the last segment.</summary>
    public IReadOnlyList<FinalizationCondition> Finalization { get; init; } = [];
}
