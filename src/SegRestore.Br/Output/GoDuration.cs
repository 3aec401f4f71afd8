using System.Globalization;

namespace SegRestore.Br.Output;

/// <summary>Parses Go's `time.Duration.String()` form ("8m14.16s", "192.955533ms", "1h2m3s", "0s").</summary>
public static class GoDuration
{
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        double totalMs = 0;
        while (span.Length > 0)
        {
            var numberEnd = 0;
            while (numberEnd < span.Length && (char.IsAsciiDigit(span[numberEnd]) || span[numberEnd] == '.'))
            {
                numberEnd++;
            }

            var unitEnd = numberEnd;
            while (unitEnd < span.Length && !char.IsAsciiDigit(span[unitEnd]) && span[unitEnd] != '.')
            {
                unitEnd++;
            }

            if (numberEnd == 0 || !double.TryParse(span[..numberEnd], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            double? factor = span[numberEnd..unitEnd] switch
            {
                "h" => 3_600_000,
                "m" => 60_000,
                "s" => 1_000,
                "ms" => 1,
                "us" or "µs" or "μs" => 0.001,
                "ns" => 0.000001,
                _ => null,
            };
            if (factor is null)
            {
                return null;
            }

            totalMs += number * factor.Value;
            span = span[unitEnd..];
        }

        return totalMs is >= 0 and < 1e15 ? TimeSpan.FromMilliseconds(totalMs) : null;
    }
}
