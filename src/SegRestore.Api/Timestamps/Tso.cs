using System.Globalization;
using System.Text.Json.Serialization;
using SegRestore.Api.Serialization;

namespace SegRestore.Api.Timestamps;

/// <summary>
/// A TiDB timestamp oracle value: <c>(unix milliseconds &lt;&lt; 18) | logical</c>, logical &lt; 2^18.
/// Every uint64 is a valid TSO; the physical part covers 1970-01-01 to early 4199.
/// </summary>
[JsonConverter(typeof(TsoJsonConverter))]
public readonly record struct Tso(ulong Value) : IComparable<Tso>
{
    public const int LogicalBits = 18;
    public const int MaxLogical = (1 << LogicalBits) - 1;
    public const long MaxPhysicalMilliseconds = (1L << (64 - LogicalBits)) - 1;

    public static Tso MinValue => new(0);

    public static Tso MaxValue => new(ulong.MaxValue);

    public long PhysicalMilliseconds => (long)(Value >> LogicalBits);

    public int Logical => (int)(Value & MaxLogical);

    /// <summary>Composes a TSO; throws when a part is out of range (programming error, not user input).</summary>
    public static Tso FromParts(long physicalMilliseconds, int logical)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(physicalMilliseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(physicalMilliseconds, MaxPhysicalMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(logical);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logical, MaxLogical);
        return new(((ulong)physicalMilliseconds << LogicalBits) | (uint)logical);
    }

    /// <summary>
    /// The TSO of an instant with logical 0. Digits below the millisecond are truncated, as BR does
    /// (oracle.GoTimeToTS), so the operator and BR map a timestamp to the same TSO.
    /// Fails for instants before the Unix epoch or past the largest physical time.
    /// </summary>
    public static bool TryFromTime(DateTimeOffset time, out Tso tso)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var milliseconds = ticks / TimeSpan.TicksPerMillisecond;
        if (ticks < 0 || milliseconds > MaxPhysicalMilliseconds)
        {
            tso = default;
            return false;
        }

        tso = FromParts(milliseconds, 0);
        return true;
    }

    /// <summary>The physical time, exact to the millisecond (the logical part is not a time).</summary>
    public DateTimeOffset ToTime() =>
        DateTimeOffset.UnixEpoch.AddTicks(PhysicalMilliseconds * TimeSpan.TicksPerMillisecond);

    /// <summary>The physical time as a UTC <see cref="DateTime"/>.</summary>
    public DateTime ToUtcDateTime() => ToTime().UtcDateTime;

    public int CompareTo(Tso other) => Value.CompareTo(other.Value);

    public static bool operator <(Tso left, Tso right) => left.Value < right.Value;

    public static bool operator >(Tso left, Tso right) => left.Value > right.Value;

    public static bool operator <=(Tso left, Tso right) => left.Value <= right.Value;

    public static bool operator >=(Tso left, Tso right) => left.Value >= right.Value;

    /// <summary>The decimal form BR accepts on its command line.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
