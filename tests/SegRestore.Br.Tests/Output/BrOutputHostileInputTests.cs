using FsCheck;
using FsCheck.Fluent;
using SegRestore.Br.Output;

namespace SegRestore.Br.Tests.Output;

/// <summary>
/// Issue 11 "Hostile input": BR's output is read from a process the worker does not control, so every known record
/// with any field value, split anywhere between reads, parses or degrades to <see cref="UnknownEvent"/>; never throws.
/// </summary>
public class BrOutputHostileInputTests
{
    private static readonly string[] Messages =
    [
        BrMessages.BrFailed, BrMessages.StartPointInTimeRestore, BrMessages.LogRestoreSuccessSummary,
        BrMessages.LogRestoreFailedSummary, BrMessages.FullRestoreSuccessSummary, BrMessages.FullRestoreFailedSummary,
        BrMessages.Progress, BrMessages.LogMetadata, BrMessages.FullRestoreSkippedByCheckpoint, BrMessages.TiFlashResetFailed,
    ];

    private static readonly string[] Fields =
    [
        BrLogFields.Error, BrLogFields.ErrorVerbose, BrLogFields.Sql, BrLogFields.Step, BrLogFields.Progress, BrLogFields.Count,
        BrLogFields.Speed, BrLogFields.Elapsed, BrLogFields.Remaining, BrLogFields.RestoreFrom, BrLogFields.RestoreTo,
        BrLogFields.LogMinTs, BrLogFields.LogMaxTs, BrLogFields.TotalTake, BrLogFields.TotalKvCount, BrLogFields.TotalSize,
        BrLogFields.SkippedKvCountByCheckpoint, BrLogFields.SkippedSizeByCheckpoint, BrLogFields.TotalRanges,
        BrLogFields.RangesSucceed, BrLogFields.RangesFailed, BrLogFields.BackupTs, BrLogFields.TotalKv, BrLogFields.TotalKvSize,
        BrLogFields.RestoreSstKvCount, BrLogFields.RestoreSstKvSize, BrLogFields.RestoreSstTotalTake,
    ];

    /// <summary>Values that break naive number, size, duration and percent parsing.</summary>
    private static readonly string[] Values =
    [
        "-1", "18446744073709551616", "99999999999999999999999", "1e308", "NaN", "-Infinity", "0x10", "1.5.5", "",
        "\"\"", "\"unterminated", "\\\"", "9223372036854775808", "-9223372036854775809", "12.5%", "200%", "-3%", "%",
        "1h2m3s", "9999999999h", "-5m", "1ms2ns", "3.5GB", "99999999999PB", "-1KB", "1.0.0MB", "425 / 1000", "/", "1 /",
        "/ 2", "2026-01-22 00:39:25.000 +0800", "2026-13-45 99:99:99.999 +9999", "$(reboot)", "`id`", "a;b", "é\u0000\u001b[0m",
    ];

    [Fact]
    public void Known_records_with_any_field_values_split_anywhere_never_throw()
    {
        var field = from name in Gen.OneOf(Gen.Elements(Fields), ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? ""))
                    from value in Gen.OneOf(Gen.Elements(Values), ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? ""))
                    from quoted in ArbMap.Default.ArbFor<bool>().Generator
                    select quoted ? $"[{name}=\"{value}\"]" : $"[{name}={value}]";
        var record = from level in Gen.Elements("INFO", "WARN", "ERROR", "FATAL", "")
                     from message in Gen.Elements(Messages)
                     from fields in field.ListOf()
                     select $"[2026/01/22 00:39:25.123 +08:00] [{level}] [x.go:1] [\"{message}\"] {string.Join(' ', fields)}\n";
        var output = from records in record.NonEmptyListOf()
                     from cuts in Gen.Choose(0, 4000).ListOf()
                     select (Text: string.Concat(records), Cuts: cuts);

        Prop.ForAll(output.ToArbitrary(), sample =>
        {
            var parser = new BrOutputParser();
            var events = new List<BrEvent>();
            var position = 0;
            foreach (var cut in sample.Cuts.Select(c => Math.Min(c, sample.Text.Length)).Order())
            {
                events.AddRange(parser.Push(sample.Text.AsSpan(position, cut - position)));
                position = cut;
            }

            events.AddRange(parser.Push(sample.Text.AsSpan(position)));
            events.AddRange(parser.Complete());
            return events.Count > 0 && events.All(e => e.Raw is not null);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1500));
    }

    [Fact]
    public void Value_parsers_answer_null_or_a_value_for_any_text()
    {
        var text = Gen.OneOf(Gen.Elements(Values), ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? ""));

        Prop.ForAll(text.ToArbitrary(), s =>
        {
            _ = GoDuration.TryParse(s);
            _ = HumanSize.TryParse(s);
            _ = TerminalProgressParser.TryParse(s, out _, out _);
            _ = PingcapLogParser.TryParse(s, out _);
            _ = BrEventClassifier.FromPlainLine(s);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void A_line_longer_than_the_cap_comes_back_whole_in_unknown_pieces()
    {
        var parser = new BrOutputParser();
        var line = new string('x', (BrOutputParser.MaxLineChars * 2) + 5);

        var events = parser.Push(line + "\n").Concat(parser.Complete()).ToList();

        events.Should().AllBeOfType<UnknownEvent>();
        string.Concat(events.Select(e => e.Raw)).Should().Be(line);
    }
}
