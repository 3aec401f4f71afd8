using System.Globalization;

namespace SegRestore.Grpc.Protocol;

/// <summary>
/// The <c>grpc-timeout</c> header: at most 8 digits followed by a unit (H hours, M minutes, S seconds,
/// m milliseconds, u microseconds, n nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    // Finest unit first: the encoder picks the first unit in which the value fits in 8 digits.
    private static readonly (char Unit, long NanosPerUnit)[] Units =
    [
        ('n', 1L),
        ('u', 1_000L),
        ('m', 1_000_000L),
        ('S', 1_000_000_000L),
        ('M', 60_000_000_000L),
        ('H', 3_600_000_000_000L),
    ];

    /// <summary>
    /// Encodes a remaining time. Values are rounded up to the unit so that a server never sees a shorter deadline than
    /// the client's; zero or negative times encode as <c>1n</c> (already expired on arrival).
    /// </summary>
    public static string Encode(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        // Ticks are 100 ns; work in nanoseconds but avoid overflow for very long timeouts.
        var ticks = timeout.Ticks;
        foreach (var (unit, nanosPerUnit) in Units)
        {
            var value = nanosPerUnit >= 100
                ? CeilDiv(ticks, nanosPerUnit / 100)
                : ticks <= MaxValue / 100 ? ticks * 100 : long.MaxValue;
            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Parses a header value; false for anything that does not follow the grammar.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var unit = value[^1];
        foreach (var (candidate, nanosPerUnit) in Units)
        {
            if (candidate == unit)
            {
                timeout = FromNanos(amount, nanosPerUnit);
                return true;
            }
        }

        return false;
    }

    private static TimeSpan FromNanos(long amount, long nanosPerUnit) =>
        nanosPerUnit >= 100
            ? TimeSpan.FromTicks(amount * (nanosPerUnit / 100))
            : TimeSpan.FromTicks(CeilDiv(amount * nanosPerUnit, 100));

    // Written to avoid overflow near long.MaxValue (TimeSpan.MaxValue).
    private static long CeilDiv(long dividend, long divisor) => (dividend / divisor) + (dividend % divisor == 0 ? 0 : 1);
}
