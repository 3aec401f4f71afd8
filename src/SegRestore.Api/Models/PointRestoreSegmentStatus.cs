using System.ComponentModel;
using k8s;
using k8s.Models;
using SegRestore.Api.Schema;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Models;

/// <summary>What the operator observed and did; written by the operator only (rebuilt from its ledger if lost).</summary>
public sealed class PointRestoreSegmentStatus
{
    [Description("The metadata.generation this status describes.")]
    public long? ObservedGeneration { get; set; }

    [Description("Pending, Waiting, Running, Succeeded, Failed or Invalid.")]
    public SegmentPhase? Phase { get; set; }

    [Description("Validated, PredecessorComplete, Held, WorkerRunning, Succeeded, Failed, ChainFinalized, " +
        "TiFlashReplicasRestored.")]
    [ListMap("type")]
    public List<V1Condition>? Conditions { get; set; }

    [Description("The chain this segment belongs to.")]
    public ChainStatus? Chain { get; set; }

    [Description("Resolved start TSO (absent on the first segment, which starts at the full backup).")]
    public Tso? StartTs { get; set; }

    [Description("startTs as a UTC time.")]
    public DateTime? StartTime { get; set; }

    [Description("Resolved restored TSO; for an open-ended last segment, the one BR reports.")]
    public Tso? RestoredTs { get; set; }

    [Description("restoredTs as a UTC time.")]
    public DateTime? RestoredTime { get; set; }

    [Description("The current attempt, 1-based.")]
    public int? Attempts { get; set; }

    [Description("The worker pod of the current attempt.")]
    public string? WorkerPod { get; set; }

    [Description("BR's progress of the current attempt.")]
    public ProgressStatus? Progress { get; set; }

    [Description("BR's summary of the finished segment.")]
    public SummaryStatus? Summary { get; set; }

    [Description("The log backup's window BR reported in the latest attempt that read it; restore points must lie inside it.")]
    public LogWindowStatus? LogWindow { get; set; }

    [Description("Work BR deferred to the last segment (Managed checkpoint mode).")]
    public ItemsStatus? Items { get; set; }

    [Description("When the first attempt started; from then on the spec is immutable except hold and retry.")]
    public DateTime? StartedAt { get; set; }

    [Description("When the segment succeeded or failed for good.")]
    public DateTime? CompletedAt { get; set; }

    [Description("A human-readable summary of the current state.")]
    public string? Message { get; set; }
}
