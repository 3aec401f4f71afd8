using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.Cli.Planning;

/// <summary>Durations as Go and kubectl write them, plus days: <c>6h</c>, <c>90m</c>, <c>1d12h</c>, <c>1h30m15s</c>.</summary>
public static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^([0-9]{1,6}[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]{1,6})([dhms])", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
