using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.BrSim.Model;

/// <summary>BR's reading of a --start-ts / --restored-ts value: a decimal TSO or a datetime that carries a zone.</summary>
public static partial class TimestampArgument
{
    public const string TimezoneRequired =
        "must set timezone when using datetime format ts, e.g. '2018-05-11 01:42:23+0800'";

    /// <summary>Returns the TSO, or an error text in BR's words.</summary>
    public static (ulong Tso, string? Error) Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var tso))
        {
            return (tso, null);
        }

        var match = DateTimePattern().Match(value.Trim());
        if (!match.Success)
        {
            return (0, $"[types:1292]Incorrect time value: '{value}'");
        }

        if (!match.Groups["zone"].Success)
        {
            return (0, TimezoneRequired);
        }

        var zone = match.Groups["zone"].Value;
        var offset = zone is "Z" ? "+00:00" : zone.Contains(':', StringComparison.Ordinal) ? zone : zone.Insert(3, ":");
        var text = match.Groups["time"].Value + offset;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (0, $"[types:1292]Incorrect time value: '{value}'");
        }

        return (Tso.Compose(time.ToUnixTimeMilliseconds(), 0), null);
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?)\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimePattern();
}
