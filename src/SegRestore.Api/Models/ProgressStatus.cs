using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>status.progress, from BR's progress log lines (throttled).</summary>
public sealed class ProgressStatus
{
    [Description("BR's step, e.g. Full Restore, Restore Files(SST + Log).")]
    public string? Step { get; set; }

    [Description("Percent of the step, 0 to 100.")]
    [Range(0.0, 100.0)]
    public double? Percent { get; set; }

    [Description("When BR last reported progress.")]
    public DateTime? UpdatedAt { get; set; }
}
