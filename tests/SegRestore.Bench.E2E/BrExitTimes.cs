using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.Bench.E2E;

/// <summary>
/// When a segment's BR finished, read from its last attempt's worker log (<c>&lt;time&gt; info: ... BR exited with
/// 0</c>, the worker's own clock, UTC). The conservative start of a hand-off: it includes the worker's final checkpoint
/// sync and result delivery, which the watch-based start (Succeeded status or pod) does not see.
/// </summary>
public static class BrExitTimes
{
    public const string Marker = "BR exited with 0";

    public static async Task<DateTimeOffset?> OfAsync(E2EEnvironment env, PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Status?.Attempts is not { } attempt || attempt < 1)
        {
            return null;
        }

        try
        {
            // The operator's pod name for short segment names (AttemptNames.Pod): <segment>-a<attempt>.
            return Parse(await env.PodLogAsync($"{segment.Metadata.Name}-a{attempt}", "worker"));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The time stamp of the last "BR exited with 0" line, or null.</summary>
    public static DateTimeOffset? Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var line = log.Split('\n').LastOrDefault(l => l.Contains(Marker, StringComparison.Ordinal));
        var stamp = line?.Split(' ', 2)[0];
        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
