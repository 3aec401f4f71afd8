using FsCheck;
using FsCheck.Fluent;
using SegRestore.Br.Output;

namespace SegRestore.Br.Tests.Output;

public class BrOutputParserTests
{
    private static readonly string[] OutputFixtures =
    [
        "output/first-segment.log", "output/resumed-first-segment.log", "output/last-segment.log",
        "output/failed-missing-state.log", "output/failed-escaped.log", "output/terminal.txt",
    ];

    [Fact]
    public void First_segment_log_yields_start_point_progress_and_both_summaries()
    {
        var events = Parse(Fixture.Text("output/first-segment.log"));

        events.Should().HaveCount(18);
        var start = events.OfType<StartPointEvent>().Single();
        start.Should().BeEquivalentTo(new { RestoreFrom = 463735672012800003UL, RestoreTo = 463736143872000000UL, LogMinTs = 463735514726400005UL, LogMaxTs = 463737559449600007UL });
        events.OfType<ProgressEvent>().Select(p => (p.Step, p.Percent)).Should().Equal(
            ("Full Restore", 12.5), ("Full Restore", 42.5), ("Full Restore", 100), ("Restore Meta Files", 100),
            ("Restore Files(SST + Log)", 7.13), ("Restore Files(SST + Log)", 100));
        var progress = events.OfType<ProgressEvent>().ElementAt(1);
        progress.Should().BeEquivalentTo(new { Current = 425L, Total = 1000L, Speed = "2.36 p/s", Elapsed = "3m0s", Remaining = "4m3s", Source = ProgressSource.Log });
        var full = events.OfType<FullRestoreSummaryEvent>().Single();
        full.Should().BeEquivalentTo(new { TotalRanges = 1000L, RangesSucceed = 1000L, RangesFailed = 0L, BackupTs = 463735672012800003UL, TotalKv = 48211337L, TotalKvSize = "21.3GB" });
        full.TotalTakeDuration.Should().Be(TimeSpan.FromMilliseconds(404086));
        var log = events.OfType<LogRestoreSummaryEvent>().Single();
        log.Should().BeEquivalentTo(new
        {
            TotalTake = "18m46.88s",
            SourceStartPoint = 463735672012800003UL,
            SourceEndPoint = 463736143872000000UL,
            TargetEndPoint = 463736143872000000UL,
            SourceStart = "2026-01-22 00:00:00 +0800",
            TotalKvCount = 1834512L,
            SkippedKvCountByCheckpoint = 0L,
            TotalSize = "1.284GB",
            TotalSizeBytes = 1_284_000_000L,
            AverageSpeedLog = "1.141MB/s",
            RestoreSstKvCount = 0L,
            AverageSpeedSst = "NaNB/s",
        });
        events.OfType<UnknownEvent>().Should().HaveCount(9).And.OnlyContain(u => u.Record != null);
    }

    [Fact]
    public void Resumed_first_segment_reports_the_skip_and_the_checkpointed_kvs()
    {
        var events = Parse(Fixture.Text("output/resumed-first-segment.log"));

        events.OfType<SkippedDueToCheckpointEvent>().Should().ContainSingle();
        events.OfType<LogRestoreSummaryEvent>().Single().SkippedKvCountByCheckpoint.Should().Be(1201377);
    }

    [Fact]
    public void Last_segment_reports_ingest_repairs_and_the_tiflash_warning_with_its_sql()
    {
        var events = Parse(Fixture.Text("output/last-segment.log"));

        events.OfType<IngestRepairProgressEvent>().Select(e => (e.IndexName, e.Database, e.Table, e.Percent)).Should().Equal(
            ("idx_customer_created", "shop", "orders", 50), ("PRIMARY", "shop", "order_items", 100));
        var warning = events.OfType<TiFlashResetWarningEvent>().Single();
        warning.Sql.Should().Be("ALTER TABLE `shop`.`orders` SET TIFLASH REPLICA 2 LOCATION LABELS 'zone', 'host'");
        warning.Error.Should().Contain("[stores=\"[]\"]");
        var sqls = events.OfType<UnknownEvent>().Single(e => e.Record?.Message == "Generating SQLs for restoring TiFlash Replica");
        sqls.Record!.Field("sqls").Should().Contain("`we``ird`");
        events.OfType<LogRestoreSummaryEvent>().Single().RestoreSstKvCount.Should().Be(120000);
    }

    [Fact]
    public void A_multi_line_error_is_one_br_failed_event_with_its_stack()
    {
        var events = Parse(Fixture.Text("output/failed-missing-state.log"));

        events.Should().HaveCount(4);
        events.OfType<LogRestoreFailedEvent>().Single().Error.Should().StartWith("no base id map found");
        var failed = events.OfType<BrFailedEvent>().Single();
        failed.Error.Should().Be("no base id map found from saved id or last restored PiTR: [BR:Common:ErrInvalidArgument]invalid argument");
        failed.ErrorVerbose!.Split('\n').Should().HaveCount(10);
        failed.ErrorVerbose.Should().Contain("[frame with ] and \"quotes\"]").And.EndWith("asm_amd64.s:1700");
        events.OfType<UnknownEvent>().Single().Record!.Field("error").Should().Contain("epoch_not_match\" epoch_not_match:<current_regions");
    }

    [Fact]
    public void Escaped_error_values_are_unescaped()
    {
        var failed = Parse(Fixture.Text("output/failed-escaped.log")).OfType<BrFailedEvent>().Single();

        failed.Error.Should().Contain("tables [\"shop\".\"orders\"] have tiflash replica");
        failed.ErrorVerbose.Should().Contain("\n\tgithub.com/pingcap/tidb/br/pkg/task.checkTiFlashReplica").And.EndWith("\\u0009tab \\\"quoted\\\" ]bracket");
    }

    [Fact]
    public void Terminal_bars_redrawn_with_carriage_returns_become_progress_events()
    {
        var events = Parse(Fixture.Text("output/terminal.txt"));

        events.OfType<ProgressEvent>().Should().OnlyContain(p => p.Source == ProgressSource.TerminalBar)
            .And.Subject.Select(p => (p.Step, p.Percent)).Should().Equal(
                ("Full Restore", 12.5), ("Full Restore", 42.5), ("Full Restore", 100), ("Restore Meta Files", 100),
                ("Restore Files(SST + Log)", 33.33), ("Restore Files(SST + Log)", 100));
        events.OfType<FullRestoreSummaryEvent>().Single().TotalKv.Should().Be(48211337);
        events.OfType<LogRestoreSummaryEvent>().Single().TotalKvCount.Should().Be(1834512);
        events.OfType<UnknownEvent>().Single().Raw.Should().StartWith("Detail BR log in");
    }

    [Fact]
    public void Fixtures_hold_at_least_forty_lines_and_parse_the_same_in_any_chunking()
    {
        var total = 0;
        foreach (var name in OutputFixtures)
        {
            var text = Fixture.Text(name);
            total += text.Split('\n', '\r').Count(l => l.Length > 0);
            var whole = Parse(text);
            var byChar = new BrOutputParser();
            var events = text.SelectMany(c => byChar.Push(c.ToString())).Concat(byChar.Complete()).ToList();
            events.Select(e => e.Raw).Should().Equal(whole.Select(e => e.Raw), name);
        }

        total.Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task Reader_streams_events_from_a_text_reader()
    {
        using var reader = new StringReader(Fixture.Text("output/last-segment.log"));
        var events = new List<BrEvent>();

        await foreach (var e in BrOutputReader.ReadAsync(reader))
        {
            events.Add(e);
        }

        events.Select(e => e.Raw).Should().Equal(Parse(Fixture.Text("output/last-segment.log")).Select(e => e.Raw));
    }

    [Fact]
    public void An_unterminated_record_is_kept_as_unknown_when_the_next_record_starts()
    {
        var events = Parse("[2026/01/22 00:39:25.123 +08:00] [ERROR] [a.go:1] [\"x\"] [error=\"never closed\nmore\n[2026/01/22 00:39:26.000 +08:00] [INFO] [a.go:2] [next]\n");

        events.Should().HaveCount(2);
        events[0].Should().BeOfType<UnknownEvent>().Which.Raw.Should().EndWith("never closed\nmore");
        events[1].Record!.Message.Should().Be("next");
    }

    [Theory]
    [InlineData("[progress]")]
    [InlineData("[\"progress\"]")]
    public void Progress_message_may_be_bare_or_quoted(string message)
    {
        var events = Parse($"[2026/01/22 00:40:26.481 +08:00] [INFO] [progress.go:142] {message} [step=\"Full Restore\"] [progress=42.50%] [count=\"425 / 1000\"]\n");

        events.Should().ContainSingle().Which.Should().BeOfType<ProgressEvent>().Which.Percent.Should().Be(42.5);
    }

    [Fact]
    public void Crlf_is_one_line_end_and_blank_lines_are_ignored()
    {
        Parse("a\r\n\r\n\nb\r\n").Select(e => e.Raw).Should().Equal("a", "b");
    }

    [Fact]
    public void Arbitrary_text_never_throws()
    {
        var pieces = Gen.Elements("[", "]", "\"", "\\", "=", "\n", "\r", " ", "*", "%", "<", ">", "-", "[2026/01/22 00:39:25.123 +08:00] ",
            "[INFO] ", "[a.go:1] ", "[\"br failed\"] ", "[progress] ", "[step=\"repair ingest index i for table d.t\"] ", "[progress=", "42.5%]",
            "\\u00", "Full Restore <---> 1", "\u001b[32m", "\0", "é");
        var text = Gen.OneOf(ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty),
            pieces.ListOf().Select(p => string.Concat(p)));

        Prop.ForAll(text.ToArbitrary(), s =>
        {
            var parser = new BrOutputParser();
            var events = parser.Push(s).Concat(parser.Complete()).ToList();
            return events.All(e => e.Raw is not null);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Log_metadata_summary_gives_the_log_window()
    {
        var events = Parse("[2026/01/22 00:39:25.123 +08:00] [INFO] [collector.go:77] [\"log metadata\"] " +
            "[log-min-ts=463735514726400005] [log-min-date=\"2026-01-21 23:59:00.000 +0800\"] " +
            "[log-max-ts=463737559449600007] [log-max-date=\"2026-01-22 02:09:00.000 +0800\"]\n");

        events.Should().ContainSingle().Which.Should().BeOfType<LogMetadataEvent>()
            .Which.Should().BeEquivalentTo(new { LogMinTs = 463735514726400005UL, LogMaxTs = 463737559449600007UL });
    }

    private static List<BrEvent> Parse(string text)
    {
        var parser = new BrOutputParser();
        return [.. parser.Push(text), .. parser.Complete()];
    }
}
