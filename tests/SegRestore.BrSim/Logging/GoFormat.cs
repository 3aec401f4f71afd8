using System.Globalization;

namespace SegRestore.BrSim.Logging;

/// <summary>The Go formats that appear in BR's output: durations and go-units' HumanSize.</summary>
public static class GoFormat
{
    public static string Duration(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.TotalSeconds < 1)
        {
            return value.TotalMilliseconds.ToString("0.######", CultureInfo.InvariantCulture) + "ms";
        }

        var hours = (long)value.TotalHours;
        var minutes = value.Minutes;
        var seconds = (value.TotalSeconds - (hours * 3600) - (minutes * 60)).ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        return hours > 0 ? $"{hours}h{minutes}m{seconds}" : minutes > 0 ? $"{minutes}m{seconds}" : seconds;
    }

    /// <summary>units.HumanSize: decimal units with four significant digits ("1.234kB", "12B").</summary>
    public static string HumanSize(double bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        var i = 0;
        while (bytes >= 1000 && i < units.Length - 1)
        {
            bytes /= 1000;
            i++;
        }

        return bytes.ToString("G4", CultureInfo.InvariantCulture) + units[i];
    }
}
