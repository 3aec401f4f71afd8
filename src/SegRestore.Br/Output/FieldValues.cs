using System.Globalization;

namespace SegRestore.Br.Output;

/// <summary>Typed readings (Tso: unsigned 64-bit as BR prints TSOs; Count64: signed counters) of BR's field values (numbers as zap writes them, "42.50%", "425 / 1000").</summary>
public static class FieldValues
{
    public static ulong? Tso(string? value) =>
        ulong.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static long? Count64(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static double? Percent(string? value)
    {
        var text = value?.Trim().TrimEnd('%').Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? Math.Clamp(v, 0, 100)
            : null;
    }

    public static (long? Current, long? Total) Count(string? value)
    {
        var parts = (value ?? string.Empty).Split('/', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (Count64(parts[0]), Count64(parts[1])) : (null, null);
    }
}
