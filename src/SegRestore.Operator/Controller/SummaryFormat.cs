using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>BR's summary numbers from the ledger in BR's own human-readable style ("1.2MB", "1m2.5s"), pure.</summary>
public static class SummaryFormat
{
    public static SummaryStatus Of(BrSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SummaryStatus
        {
            TotalKvCount = (long)Math.Min(summary.TotalKvCount, long.MaxValue),
            TotalSize = Size(summary.TotalSizeBytes),
            Take = Duration(summary.TotalTake),
            SkippedKvCountByCheckpoint = (long)Math.Min(summary.SkippedKvCountByCheckpoint, long.MaxValue),
            SkippedSizeByCheckpoint = Size(summary.SkippedSizeBytesByCheckpoint),
            AverageSpeed = Size((ulong)Math.Max(0, summary.AverageSpeedBytesPerSecond)) + "/s",
        };
    }

    /// <summary>Decimal units, as BR's <c>units.HumanSize</c> prints them.</summary>
    public static string Size(ulong bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.###", CultureInfo.InvariantCulture) + units[unit];
    }

    /// <summary>Go's <c>time.Duration</c> style: "1h2m3.5s", "850ms".</summary>
    public static string Duration(TimeSpan take)
    {
        if (take < TimeSpan.FromSeconds(1))
        {
            return take.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        var hours = (int)take.TotalHours;
        var seconds = take.TotalSeconds - hours * 3600 - take.Minutes * 60;
        var text = seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        if (hours > 0)
        {
            return $"{hours}h{take.Minutes}m{text}";
        }

        return take.Minutes > 0 ? $"{take.Minutes}m{text}" : text;
    }
}
