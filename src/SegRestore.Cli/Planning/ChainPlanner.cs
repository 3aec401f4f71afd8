using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Cli.Planning;

/// <summary>
/// Plans a chain (pure). Segment 0 restores the full backup and the log up to the first boundary; each later segment
/// continues from its predecessor's restored TSO (no startTs: the operator takes it from the predecessor) to the next
/// boundary; the last one ends at --to and has last: true. Boundaries split (from, to] into N equal parts, or step by
/// --every from --from, the final step being shorter when the range is not a multiple of it.
/// </summary>
public static partial class ChainPlanner
{
    public const int MaxSegments = 500;
    private static readonly TimeSpan MinSegment = TimeSpan.FromSeconds(1);

    public static ChainPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DnsName().IsMatch(request.Name) || request.Name.Length > 240)
        {
            return ChainPlan.Fail($"--name '{request.Name}': a segment name is <name>-<index>, so the name must be lowercase letters, " +
                "digits and '-', start and end with a letter or digit, at most 240 characters (e.g. orders-restore)");
        }

        if (!DnsLabel().IsMatch(request.Namespace))
        {
            return ChainPlan.Fail($"--namespace '{request.Namespace}': not a Kubernetes namespace name (lowercase letters, digits, '-')");
        }

        if (!TimestampParser.TryParse(request.From, "--from", out var fromTso, out var fromError))
        {
            return ChainPlan.Fail(fromError);
        }

        if (!TimestampParser.TryParse(request.To, "--to", out var toTso, out var toError))
        {
            return ChainPlan.Fail(toError);
        }

        var (from, to) = (fromTso.ToTime(), toTso.ToTime());
        if (to <= from)
        {
            return ChainPlan.Fail($"--to '{request.To}' ({Format(to)}) is not after --from '{request.From}' ({Format(from)}); " +
                "--from is where the log restore starts (the full backup's time), --to the final restore point");
        }

        if (WindowProblem(request, fromTso, toTso) is { } outside)
        {
            return ChainPlan.Fail(outside);
        }

        var (boundaries, error) = Boundaries(request, from, to);
        return error is not null ? ChainPlan.Fail(error) : new ChainPlan(Build(request, boundaries), null);
    }

    /// <summary>With --log-window: --from and --to inside it (BR's checkLogRange), else the reason naming the window.</summary>
    private static string? WindowProblem(PlanRequest request, Tso from, Tso to)
    {
        if (request.LogWindow is not { } window)
        {
            return null;
        }

        var parts = window.Split("..", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return $"--log-window '{window}': write MIN..MAX, TSOs or times with a zone, as `br log metadata` prints them " +
                "(log-min-ts, log-max-ts) or a segment's status.logWindow shows them (e.g. 463732846109392898..463732846722809858)";
        }

        if (!TimestampParser.TryParse(parts[0], "--log-window MIN", out var min, out var minError))
        {
            return minError;
        }

        if (!TimestampParser.TryParse(parts[1], "--log-window MAX", out var max, out var maxError))
        {
            return maxError;
        }

        return from < min
            ? $"--from '{request.From}' ({Format(from.ToTime())}) is before the log backup's start, {min.Value} ({Format(min.ToTime())}): " +
                "BR refuses that range (RangeOutsideLog); start at or after it, with a full backup taken after the log task started"
            : to > max
                ? $"--to '{request.To}' ({Format(to.ToTime())}) is after the log backup's end, {max.Value} ({Format(max.ToTime())}): " +
                    "BR refuses that range (RangeOutsideLog); restore to at most that point, or wait for the log task to move its end"
                : null;
    }

    /// <summary>The end time of each segment, increasing, the last being <paramref name="to"/>.</summary>
    public static (IReadOnlyList<DateTimeOffset> Ends, string? Error) Boundaries(PlanRequest request, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(request);
        var range = to - from;
        if (request.Segments is null == (request.Every is null))
        {
            return ([], "give exactly one of --segments N (equal parts) and --every DURATION (e.g. --every 6h)");
        }

        if (request.Segments is { } count)
        {
            if (count < 1 || count > MaxSegments)
            {
                return ([], $"--segments {count}: must be between 1 and {MaxSegments}");
            }

            if (range / count < MinSegment)
            {
                return ([], $"--segments {count}: the range {Format(from)} .. {Format(to)} is {range.TotalSeconds:0.###} s, " +
                    $"too short for {count} segments of at least {MinSegment.TotalSeconds:0} s; use fewer segments");
            }

            // Millisecond resolution is what a TSO keeps; the last end is exactly --to.
            var stepMs = range.TotalMilliseconds / count;
            return (Enumerable.Range(1, count)
                .Select(i => i == count ? to : from.AddMilliseconds(Math.Floor(stepMs * i)))
                .ToList(), null);
        }

        if (!DurationText.TryParse(request.Every, out var every) || every < MinSegment)
        {
            return ([], $"--every '{request.Every}': not a duration of at least 1s; write e.g. 6h, 90m, 1d or 1h30m");
        }

        var steps = (long)Math.Ceiling(range / every);
        if (steps > MaxSegments)
        {
            return ([], $"--every {request.Every}: the range {Format(from)} .. {Format(to)} would need {steps} segments, more than " +
                $"{MaxSegments}; use a longer interval");
        }

        var ends = new List<DateTimeOffset>();
        for (var end = from + every; end < to; end += every)
        {
            ends.Add(end);
        }

        ends.Add(to);
        return (ends, null);
    }

    /// <summary>RFC 3339 in UTC with a zone, as the manifests carry it (milliseconds only when there are some).</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(
        time.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string SegmentName(string prefix, int index) => $"{prefix}-{index.ToString(CultureInfo.InvariantCulture)}";

    private static List<PointRestoreSegment> Build(PlanRequest request, IReadOnlyList<DateTimeOffset> ends) =>
        ends.Select((end, i) => new PointRestoreSegment
        {
            Metadata = new V1ObjectMeta { Name = SegmentName(request.Name, i), NamespaceProperty = request.Namespace },
            Spec = new PointRestoreSegmentSpec
            {
                Cluster = new ClusterSpec { Pd = request.Pd },
                PreviousSegment = i == 0 ? null : SegmentName(request.Name, i - 1),
                FullBackup = i == 0 ? new StorageSpec { Url = request.FullBackupUrl, SecretName = request.FullBackupSecret } : null,
                Log = new StorageSpec { Url = request.LogUrl, SecretName = request.LogSecret },
                RestoredTs = Format(end),
                Last = i == ends.Count - 1,
                Hold = request.HoldAfterFirst && i > 0,
                Br = request.BrImage is null ? null : new BrSpec { Image = request.BrImage },
            },
        }).ToList();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
