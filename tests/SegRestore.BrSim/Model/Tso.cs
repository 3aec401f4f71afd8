using System.Globalization;

namespace SegRestore.BrSim.Model;

/// <summary>TiDB timestamps: (unix milliseconds &lt;&lt; 18) | logical, as PD hands them out.</summary>
public static class Tso
{
    private const int PhysicalShiftBits = 18;

    public static ulong Compose(long unixMilliseconds, long logical) =>
        ((ulong)unixMilliseconds << PhysicalShiftBits) | (ulong)logical;

    public static long PhysicalMilliseconds(ulong tso) => (long)(tso >> PhysicalShiftBits);

    public static DateTimeOffset ToTime(ulong tso) =>
        DateTimeOffset.FromUnixTimeMilliseconds(PhysicalMilliseconds(tso));

    /// <summary>Go's time.Time.String() for a UTC time, which BR prints inside error texts.</summary>
    public static string GoTimeString(ulong tso) => FormatDate(tso) + " UTC";

    /// <summary>BR's utils.FormatDate layout "2006-01-02 15:04:05.999999999 -0700" (fraction without trailing zeros).</summary>
    public static string FormatDate(ulong tso)
    {
        var time = ToTime(tso).UtcDateTime;
        var fraction = time.Millisecond == 0
            ? string.Empty
            : "." + time.Millisecond.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
        return time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + " +0000";
    }
}
