using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>
/// status.summary: BR's "restore log success summary". Sizes, durations and speeds stay in BR's own human-readable
/// text ("1.2GB", "1m2.5s", "12MB/s"): converting them would invent precision BR does not print.
/// </summary>
public sealed class SummaryStatus
{
    [Description("total-kv-count")]
    public long? TotalKvCount { get; set; }

    [Description("total-size")]
    public string? TotalSize { get; set; }

    [Description("total-take")]
    public string? Take { get; set; }

    [Description("skipped-kv-count-by-checkpoint (greater than 0 when an attempt resumed)")]
    public long? SkippedKvCountByCheckpoint { get; set; }

    [Description("skipped-size-by-checkpoint")]
    public string? SkippedSizeByCheckpoint { get; set; }

    [Description("average-speed (log)")]
    public string? AverageSpeed { get; set; }
}
