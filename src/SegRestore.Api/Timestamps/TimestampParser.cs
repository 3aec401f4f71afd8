using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.Api.Timestamps;

/// <summary>
/// Parses what a user may write for startTs/restoredTs: a TSO (decimal uint64), RFC 3339 with <c>Z</c> or an
/// offset, or BR's <c>YYYY-MM-DD hh:mm:ss[.ffffff]±hhmm</c> / <c>±hh:mm</c>. A time without a zone is rejected:
/// the operator and BR run in different zones, so a zone-less time would name two different instants.
/// Never throws on user input.
/// </summary>
public static partial class TimestampParser
{
    public const string AcceptedForms =
        "a TSO (decimal uint64, e.g. 463736294698909699), RFC 3339 with Z or an offset " +
        "(e.g. 2026-01-22T00:39:25Z, 2026-01-22T00:39:25.5+08:00), or BR's form with an offset " +
        "(e.g. 2026-01-22 00:39:25+0800, 2026-01-22 00:39:25-03:30)";

    private const int MaxShownLength = 80;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the field and the value.</summary>
    public static bool TryParse(string? text, string field, out Tso tso, out string error)
    {
        tso = default;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = $"{field} is empty; write {AcceptedForms}";
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                tso = new Tso(value);
                return true;
            }

            error = $"{field}: \"{Shown(text)}\" is larger than the largest TSO {ulong.MaxValue}; write a TSO up to that " +
                "value or a timestamp with a zone";
            return false;
        }

        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            var example = text.Length == 10 ? text + "T00:00:00" : text;
            error = ZoneLessPattern().IsMatch(text)
                ? $"{field}: \"{Shown(text)}\" has no time zone; add one, e.g. \"{example}Z\" or \"{example}+08:00\". " +
                  $"Accepted: {AcceptedForms}"
                : $"{field}: \"{Shown(text)}\" is neither a TSO nor a timestamp with a zone. Accepted: {AcceptedForms}";
            return false;
        }

        if (!TryBuildTime(match, out var time))
        {
            error = $"{field}: \"{Shown(text)}\" is not a valid calendar date, time or offset. Accepted: {AcceptedForms}";
            return false;
        }

        if (!Tso.TryFromTime(time, out tso))
        {
            error = $"{field}: \"{Shown(text)}\" is out of range; a TSO covers " +
                $"{Tso.MinValue.ToTime():yyyy-MM-ddTHH:mm:ssZ} to {Tso.MaxValue.ToTime():yyyy-MM-ddTHH:mm:ss.fffZ}: write a time in that range";
            return false;
        }

        return true;
    }

    private static bool TryBuildTime(Match match, out DateTimeOffset time)
    {
        time = default;
        int Part(string name) => int.Parse(match.Groups[name].ValueSpan, CultureInfo.InvariantCulture);
        int year = Part("year"), month = Part("month"), day = Part("day");
        int hour = Part("hour"), minute = Part("minute"), second = Part("second");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        var zone = match.Groups["zone"].Value;
        if (zone is not ("Z" or "z"))
        {
            var offsetHours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var offsetMinutes = int.Parse(zone.AsSpan(zone.Length - 2, 2), CultureInfo.InvariantCulture);
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        // Ticks carry 7 fractional digits; digits 8 and 9 are below a TSO's millisecond anyway.
        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static string Shown(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "...");

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt ](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\.(?<fraction>[0-9]{1,9}))?(?<zone>[Zz]|[+-][0-9]{2}:?[0-9]{2})$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(
        @"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ZoneLessPattern();
}
