using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Cli.Status;

/// <summary>
/// Progress and ETA of a chain (pure). Progress counts segments: each succeeded one is 1, the running one its
/// reported percent. The ETA comes from the succeeded segments' speed: wall-clock seconds (startedAt to completedAt)
/// per second of log restored (its start TSO to its restored TSO), applied to the log time still to restore (from the
/// last restored TSO to the last segment's restoredTs), minus how long the running segment has already run. Without
/// such a segment (e.g. only the first ran, whose start is the full backup) it falls back to the mean wall time per
/// succeeded segment times the segments left. Open-ended last segments and chains with nothing succeeded have no ETA.
/// </summary>
public static class ChainEstimate
{
    public sealed record Result(double Fraction, TimeSpan? Eta, string Method);

    public static Result Compute(IReadOnlyList<ChainEntry> entries, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return new Result(0, null, "no segments");
        }

        var succeeded = entries.Where(e => e.Phase == SegmentPhase.Succeeded).ToList();
        var running = entries.FirstOrDefault(e => e.Phase == SegmentPhase.Running);
        var fraction = (succeeded.Count + (running?.Segment.Status?.Progress?.Percent ?? 0) / 100.0) / entries.Count;
        if (succeeded.Count == entries.Count)
        {
            return new Result(1, TimeSpan.Zero, "finished");
        }

        var elapsedRunning = running?.Segment.Status?.StartedAt is { } started ? nowUtc - started : TimeSpan.Zero;
        var timed = succeeded.Where(e => e.Segment.Status?.StartedAt is not null && e.Segment.Status.CompletedAt is not null).ToList();
        var rate = WallPerLogSecond(entries, timed);
        var finalTs = entries[^1].TargetTs;
        var restoredTs = succeeded.Select(e => e.EndTs).Where(t => t is not null).Max();
        if (rate is { } r && finalTs is { } end && restoredTs is { } done && end > done)
        {
            var remainingLog = (end.ToTime() - done.ToTime()).TotalSeconds;
            return new Result(fraction, Clamp(TimeSpan.FromSeconds(remainingLog * r) - elapsedRunning),
                $"{r:0.###} s of restore per s of log, over the succeeded segments");
        }

        if (timed.Count > 0)
        {
            var mean = TimeSpan.FromTicks((long)timed.Average(e => (e.Segment.Status!.CompletedAt!.Value - e.Segment.Status.StartedAt!.Value).Ticks));
            var left = entries.Count - succeeded.Count;
            return new Result(fraction, Clamp(mean * left - elapsedRunning), $"mean {mean.TotalSeconds:0} s per succeeded segment x {left} left");
        }

        return new Result(fraction, null, "no segment has succeeded yet");
    }

    // Seconds of wall clock per second of log, over segments whose start TSO is known (the predecessor's restored TSO
    // or status.startTs); the first segment also restores the full backup, so its start is not a log position.
    private static double? WallPerLogSecond(IReadOnlyList<ChainEntry> entries, List<ChainEntry> timed)
    {
        double wall = 0, log = 0;
        foreach (var entry in timed)
        {
            var position = entries.ToList().IndexOf(entry);
            Tso? start = position > 0 ? entries[position - 1].EndTs : null;
            start ??= entry.Index > 0 ? entry.Segment.Status?.StartTs : null;
            if (start is { } from && entry.EndTs is { } to && to > from)
            {
                wall += (entry.Segment.Status!.CompletedAt!.Value - entry.Segment.Status.StartedAt!.Value).TotalSeconds;
                log += (to.ToTime() - from.ToTime()).TotalSeconds;
            }
        }

        return log > 0 ? wall / log : null;
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
