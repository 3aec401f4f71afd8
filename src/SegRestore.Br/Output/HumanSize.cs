using System.Globalization;

namespace SegRestore.Br.Output;

/// <summary>Parses BR's human sizes (go-units `HumanSize`, decimal units: "677.3GB", "5.056kB", "290B", "21551").</summary>
public static class HumanSize
{
    public static long? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        var numberEnd = 0;
        while (numberEnd < span.Length && (char.IsAsciiDigit(span[numberEnd]) || span[numberEnd] == '.'))
        {
            numberEnd++;
        }

        if (numberEnd == 0 || !double.TryParse(span[..numberEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        double? factor = span[numberEnd..].Trim().ToString().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "PB" => 1e15,
            "KIB" => 1024d,
            "MIB" => 1024d * 1024,
            "GIB" => 1024d * 1024 * 1024,
            "TIB" => 1024d * 1024 * 1024 * 1024,
            _ => null,
        };
        var bytes = number * factor;
        return bytes is >= 0 and < long.MaxValue ? (long)Math.Round(bytes.Value) : null;
    }
}
