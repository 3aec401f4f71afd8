using System.Globalization;
using SegRestore.Api.Models;
using Spectre.Console;

namespace SegRestore.Cli.Status;

/// <summary>Draws chains with Spectre.Console: the list of chains, and one chain as a table, a timeline and progress.</summary>
public static class ChainRenderer
{
    private const int TimelineWidth = 40;

    public static void RenderList(IAnsiConsole console, IReadOnlyDictionary<string, IReadOnlyList<ChainEntry>> chains, string ns)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(chains);
        if (chains.Count == 0)
        {
            console.WriteLine($"No PointRestoreSegments in namespace {ns}.");
            return;
        }

        var table = new Table().AddColumns("CHAIN", "SEGMENTS", "SUCCEEDED", "NOW", "RESTORED UTC");
        foreach (var (root, entries) in chains)
        {
            var current = entries.FirstOrDefault(e => e.Phase != SegmentPhase.Succeeded);
            var restored = entries.LastOrDefault(e => e.Phase == SegmentPhase.Succeeded)?.EndTs;
            table.AddRow(
                Markup.Escape(root),
                entries.Count.ToString(CultureInfo.InvariantCulture),
                entries.Count(e => e.Phase == SegmentPhase.Succeeded).ToString(CultureInfo.InvariantCulture),
                current is null ? "[green]finalized[/]" : Markup.Escape($"{current.Name} {current.Phase?.ToString() ?? "Pending"}"),
                restored is { } ts ? Time(ts.ToUtcDateTime()) : "-");
        }

        console.Write(table);
    }

    public static void RenderChain(IAnsiConsole console, string root, IReadOnlyList<ChainEntry> entries, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(entries);
        var table = new Table().Title(Markup.Escape("chain " + root))
            .AddColumns("#", "NAME", "PHASE", "START UTC", "RESTORED UTC", "ATTEMPTS", "PROGRESS", "MESSAGE");
        foreach (var entry in entries)
        {
            var status = entry.Segment.Status;
            var start = status?.StartTs ?? (entry.Index > 0 ? entries.ElementAtOrDefault(entries.ToList().IndexOf(entry) - 1)?.EndTs : null);
            table.AddRow(
                entry.Index.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(entry.Name),
                Phase(entry.Phase),
                start is { } s ? Time(s.ToUtcDateTime()) : entry.Index == 0 ? "full backup" : "-",
                status?.RestoredTs is { } r ? Time(r.ToUtcDateTime()) : entry.TargetTs is { } t ? "[grey]" + Time(t.ToUtcDateTime()) + "[/]" : "end of log",
                (status?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture),
                Progress(entry),
                Markup.Escape(Shorten(status?.Message ?? "", 60)));
        }

        console.Write(table);
        RenderTimeline(console, entries, nowUtc);
        var estimate = ChainEstimate.Compute(entries, nowUtc);
        var eta = estimate.Eta is { } e ? (e == TimeSpan.Zero ? "done" : "about " + Duration(e)) : "unknown";
        console.MarkupLine($"progress [bold]{estimate.Fraction * 100:0.#}%[/]  ETA {Markup.Escape(eta)}  [grey]({Markup.Escape(estimate.Method)})[/]");
    }

    private static void RenderTimeline(IAnsiConsole console, IReadOnlyList<ChainEntry> entries, DateTime nowUtc)
    {
        var spans = entries
            .Where(e => e.Segment.Status?.StartedAt is not null)
            .Select(e => (Entry: e, From: e.Segment.Status!.StartedAt!.Value, To: e.Segment.Status.CompletedAt ?? nowUtc))
            .ToList();
        if (spans.Count == 0)
        {
            console.MarkupLine("[grey]timeline: no segment has started yet[/]");
            return;
        }

        var origin = spans.Min(s => s.From);
        var total = Math.Max((spans.Max(s => s.To) - origin).TotalSeconds, 1);
        console.MarkupLine($"timeline from {Time(origin)} ({Duration(TimeSpan.FromSeconds(total))} wide)");
        foreach (var (entry, from, to) in spans)
        {
            var left = (int)Math.Round((from - origin).TotalSeconds / total * TimelineWidth);
            var width = Math.Max(1, (int)Math.Round((to - from).TotalSeconds / total * TimelineWidth));
            left = Math.Min(left, TimelineWidth - 1);
            width = Math.Min(width, TimelineWidth - left);
            var color = entry.Phase switch
            {
                SegmentPhase.Succeeded => "green",
                SegmentPhase.Running => "blue",
                SegmentPhase.Failed or SegmentPhase.Invalid => "red",
                _ => "grey",
            };
            console.MarkupLine($"{Markup.Escape(entry.Name.PadRight(20))} {Time(from)} {new string(' ', left)}[{color}]{new string('#', width)}[/]" +
                $"{new string(' ', TimelineWidth - left - width)} {(entry.Segment.Status?.CompletedAt is { } c ? Time(c) : "running")}");
        }
    }

    private static string Phase(SegmentPhase? phase) => phase switch
    {
        SegmentPhase.Succeeded => "[green]Succeeded[/]",
        SegmentPhase.Running => "[blue]Running[/]",
        SegmentPhase.Failed => "[red]Failed[/]",
        SegmentPhase.Invalid => "[red]Invalid[/]",
        SegmentPhase.Waiting => "[yellow]Waiting[/]",
        _ => "Pending",
    };

    private static string Progress(ChainEntry entry) => entry.Phase switch
    {
        SegmentPhase.Succeeded => "100%",
        SegmentPhase.Running when entry.Segment.Status?.Progress is { } p =>
            Markup.Escape($"{p.Percent ?? 0:0.#}% {p.Step}".Trim()),
        _ => "-",
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Ceiling(span.TotalSeconds):0}s";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
