using System.Globalization;
using SegRestore.Br.Errors;
using SegRestore.Br.Output;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Running;

/// <summary>Pure: reading `br log metadata` output, and deciding whether the segment's range lies inside the window.</summary>
public static class LogWindowCheck
{
    public const string LogMetadataMessage = "log metadata";

    public static LogWindow? Parse(IEnumerable<BrEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (e.Record is { Message: LogMetadataMessage } record
                && ulong.TryParse(record.Field("log-min-ts"), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                && ulong.TryParse(record.Field("log-max-ts"), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                return new LogWindow(min, max);
            }
        }

        return null;
    }

    /// <summary>Null when the range fits; otherwise the failure as BR itself would report it.</summary>
    public static BrFailure? Check(LogWindow window, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = BrArgv.Tso(argv, "--start-ts");
        var restored = BrArgv.Tso(argv, "--restored-ts");
        var outside = (start is { } s && (s < window.MinTs || s > window.MaxTs))
            || (restored is { } r && (r < window.MinTs || r > window.MaxTs));
        if (!outside)
        {
            return null;
        }

        // BR's own wording, so the error catalog and people read it the same way.
        var text = string.Create(CultureInfo.InvariantCulture,
            $"restore log from {start?.ToString(CultureInfo.InvariantCulture) ?? "the full backup"} to {restored?.ToString(CultureInfo.InvariantCulture) ?? "the log end"}, but the current existed log from {window.MinTs} to {window.MaxTs}");
        return BrErrorCatalog.Classify(text);
    }
}
