using System.Globalization;

namespace SegRestore.LocalCluster.Http;

/// <summary>Ages as kubectl prints them (<c>45s</c>, <c>3m12s</c>, <c>5h</c>, <c>2d3h</c>).</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)age.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text(seconds, "s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? Text(minutes, "m") : Text(minutes, "m") + Text(seconds % 60, "s");
        }

        if (minutes < 180)
        {
            return Text(minutes, "m");
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? Text(hours, "h") : Text(hours, "h") + Text(minutes % 60, "m");
        }

        if (hours < 48)
        {
            return Text(hours, "h");
        }

        var days = hours / 24;
        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? Text(days, "d") : Text(days, "d") + Text(hours % 24, "h");
        }

        if (days < 365 * 2)
        {
            return Text(days, "d");
        }

        var years = days / 365;
        return days < 365 * 8 && days % 365 != 0 ? Text(years, "y") + Text(days % 365, "d") : Text(years, "y");
    }

    private static string Text(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
