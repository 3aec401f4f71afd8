using System.ComponentModel;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Models;

/// <summary>
/// status.logWindow: the log backup's window BR reported at the start of the latest attempt that got that far
/// (`start point in time restore`, log-min-ts and log-max-ts). Every restoredTs of the chain must lie inside it; a
/// log task that still runs moves its end forward.
/// </summary>
public sealed class LogWindowStatus
{
    [Description("log-min-ts: the earliest TSO the log backup holds.")]
    public Tso? MinTs { get; set; }

    [Description("minTs as a UTC time.")]
    public DateTime? MinTime { get; set; }

    [Description("log-max-ts: the latest TSO the log backup held when BR read it.")]
    public Tso? MaxTs { get; set; }

    [Description("maxTs as a UTC time.")]
    public DateTime? MaxTime { get; set; }

    public static LogWindowStatus? Of(ulong? minTs, ulong? maxTs) => minTs is null && maxTs is null
        ? null
        : new LogWindowStatus
        {
            MinTs = minTs is { } min ? new Tso(min) : null,
            MinTime = minTs is { } a ? new Tso(a).ToTime().UtcDateTime : null,
            MaxTs = maxTs is { } max ? new Tso(max) : null,
            MaxTime = maxTs is { } b ? new Tso(b).ToTime().UtcDateTime : null,
        };
}
