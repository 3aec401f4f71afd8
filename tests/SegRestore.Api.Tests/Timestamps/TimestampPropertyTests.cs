using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Timestamps;

public class TimestampPropertyTests
{
    [Fact]
    public void Every_tso_parses_back_from_its_decimal_text()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), value =>
            TimestampParser.TryParse(new Tso(value).ToString(), "f", out var tso, out _) && tso.Value == value);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void A_tso_time_written_with_any_offset_parses_to_the_same_physical_time()
    {
        var generator =
            from milliseconds in Gen.Choose(0, int.MaxValue).Select(n => (n * 1000L) + (n % 1000) + (24 * 3600 * 1000L))
            from offsetMinutes in Gen.Choose(-23 * 60, 23 * 60)
            from brForm in Gen.Elements(true, false)
            select (milliseconds, offsetMinutes, brForm);

        var property = Prop.ForAll(generator.ToArbitrary(), sample =>
        {
            var (milliseconds, offsetMinutes, brForm) = sample;
            // DateTimeOffset stops at +-14h; BR's offsets go to +-23:59, so the local text is composed by hand.
            var local = DateTime.UnixEpoch.AddMilliseconds(milliseconds).AddMinutes(offsetMinutes);
            var offset = $"{(offsetMinutes < 0 ? '-' : '+')}{Math.Abs(offsetMinutes) / 60:00}{(brForm ? "" : ":")}{Math.Abs(offsetMinutes) % 60:00}";
            var text = local.ToString(brForm ? "yyyy-MM-dd HH:mm:ss.fff" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + offset;
            return TimestampParser.TryParse(text, "f", out var tso, out _) && tso.PhysicalMilliseconds == milliseconds && tso.Logical == 0;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }
}
