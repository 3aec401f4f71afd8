using System.Globalization;

namespace SegRestore.Bench.E2E;

/// <summary>
/// From a worker's log: its process start (logged with "Attempt N starting (process started T)"), when it was ready
/// to log that line, and when the operator accepted its first report ("Registered"). All on the worker's clock.
/// </summary>
public static class WorkerStartTimes
{
    private const string StartMarker = "starting (process started ";
    private const string RegisteredMarker = "Registered (checkpoint generation";

    /// <summary>(runtime ready, first report) after the process started, or null when a line is missing.</summary>
    public static (TimeSpan Ready, TimeSpan FirstReport)? Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var lines = log.Split('\n');
        var starting = lines.FirstOrDefault(l => l.Contains(StartMarker, StringComparison.Ordinal));
        var registered = lines.FirstOrDefault(l => l.Contains(RegisteredMarker, StringComparison.Ordinal));
        if (starting is null || registered is null)
        {
            return null;
        }

        var process = starting[(starting.IndexOf(StartMarker, StringComparison.Ordinal) + StartMarker.Length)..].TrimEnd(')', '\r');
        return Stamp(process) is { } started && Stamp(starting.Split(' ', 2)[0]) is { } ready && Stamp(registered.Split(' ', 2)[0]) is { } first
            ? (ready - started, first - started)
            : null;
    }

    private static DateTimeOffset? Stamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
