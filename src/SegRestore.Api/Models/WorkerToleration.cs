using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>core/v1 Toleration.</summary>
public sealed class WorkerToleration
{
    [Description("Taint key; empty with operator Exists matches every taint.")]
    public string? Key { get; set; }

    [Description("Exists or Equal (default Equal).")]
    [AllowedValues("Exists", "Equal")]
    public string? Operator { get; set; }

    [Description("Taint value to match with operator Equal.")]
    public string? Value { get; set; }

    [Description("NoSchedule, PreferNoSchedule or NoExecute; empty matches all effects.")]
    [AllowedValues("NoSchedule", "PreferNoSchedule", "NoExecute")]
    public string? Effect { get; set; }

    [Description("For NoExecute: how long the pod stays bound after the taint appears.")]
    public long? TolerationSeconds { get; set; }
}
