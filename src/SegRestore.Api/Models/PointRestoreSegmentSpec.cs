using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SegRestore.Api.Schema;

namespace SegRestore.Api.Models;

/// <summary>What one segment restores. Declaration order is the order of the CRD's immutability rule.</summary>
public sealed class PointRestoreSegmentSpec
{
    [Required]
    [Description("The target TiDB cluster (its PD endpoints and TLS client secret).")]
    public ClusterSpec Cluster { get; set; } = new();

    [Description("Name of the previous segment in the same namespace; absent on the first segment of a chain.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    [MaxLength(253)]
    public string? PreviousSegment { get; set; }

    [Description("The full (snapshot) backup. Required on the first segment, forbidden on the others.")]
    public StorageSpec? FullBackup { get; set; }

    [Required]
    [Description("The log backup. Its url must be identical across the chain.")]
    public StorageSpec Log { get; set; } = new();

    [Description("Start of this segment: a TSO or a timestamp with a zone. Forbidden on the first segment; on the " +
        "others it defaults to, and must equal, the previous segment's restored TSO.")]
    [RegularExpression(SchemaPatterns.Timestamp)]
    [PatternMessage(SchemaPatterns.TimestampMessage)]
    [MaxLength(SchemaPatterns.TimestampMaxLength)]
    public string? StartTs { get; set; }

    [Description("End of this segment: a TSO (\"463736294698909699\") or a timestamp with a zone " +
        "(\"2026-01-22T00:39:25+08:00\", \"2026-01-22 00:39:25+0800\"). Required unless last is true " +
        "(then empty means the end of the log).")]
    [RegularExpression(SchemaPatterns.Timestamp)]
    [PatternMessage(SchemaPatterns.TimestampMessage)]
    [MaxLength(SchemaPatterns.TimestampMaxLength)]
    public string? RestoredTs { get; set; }

    [Description("True on the last segment of a chain: BR then repairs ingest indexes and resets TiFlash " +
        "replicas. Exactly one segment per chain; nothing may follow it.")]
    [DefaultValue(false)]
    public bool Last { get; set; }

    [Description("While true the segment does not start (an approval gate between segments). May change at any time.")]
    [DefaultValue(false)]
    public bool Hold { get; set; }

    [Description("Where BR keeps its checkpoints and the state between segments; must match the chain root.")]
    public CheckpointSpec? Checkpoint { get; set; }

    [Description("The BR image and the options passed to br restore point.")]
    public BrSpec? Br { get; set; }

    [Description("Scheduling and resources of the worker pod that runs BR.")]
    public WorkerSpec? Worker { get; set; }

    [Description("How often a failed attempt is retried. May change at any time.")]
    public RetrySpec? Retry { get; set; }
}
