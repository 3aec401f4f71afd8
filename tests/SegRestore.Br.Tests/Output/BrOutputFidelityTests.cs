using SegRestore.Br.Output;

namespace SegRestore.Br.Tests.Output;

/// <summary>
/// Lines BR prints that an earlier parser misread (issue 20): the snapshot phase's failed summary, the SST physical
/// size, the ingest-index repair's mpb console bar, V1's non-final segment lines, bare and quoted messages.
/// </summary>
public class BrOutputFidelityTests
{
    private const string Header = "[2026/01/22 00:45:01.002 +08:00] [INFO] [collector.go:77] ";

    [Fact]
    public void The_full_restore_failed_summary_is_classified_with_its_ranges_and_first_failed_unit()
    {
        var e = Single(Header + "[\"Full Restore failed summary\"] [total-ranges=1000] [ranges-succeed=425] [ranges-failed=1] [split-region=1.2s] " +
            "[unit-name=\"range start:7480000000000000ff6a5f720000000000fa end:7480000000000000ff6a5f730000000000fa\"] " +
            "[error=\"rpc error: code = Unavailable desc = connection refused\"]");

        e.Should().BeOfType<FullRestoreFailedEvent>().Which.Should().BeEquivalentTo(new
        {
            TotalRanges = 1000L,
            RangesSucceed = 425L,
            RangesFailed = 1L,
            UnitName = "range start:7480000000000000ff6a5f720000000000fa end:7480000000000000ff6a5f730000000000fa",
            Error = "rpc error: code = Unavailable desc = connection refused",
        });
    }

    [Fact]
    public void A_full_restore_failed_summary_of_cancelled_units_only_has_no_error()
    {
        Single(Header + "[\"Full Restore failed summary\"] [total-ranges=3] [ranges-succeed=1] [ranges-failed=2]")
            .Should().BeOfType<FullRestoreFailedEvent>().Which.Error.Should().BeNull();
    }

    [Fact]
    public void The_sst_physical_size_after_compression_is_parsed_from_its_quoted_key()
    {
        var e = Single(Header + "[\"restore log success summary\"] [total-take=34m4.712071141s] [source-start-point=456073052530720769] " +
            "[total-kv-count=242577383] [total-size=31.62GB] [\"average-speed (log)\"=15.46MB/s] [restore-sst-kv-count=416309359] " +
            "[restore-sst-kv-size=72431966232] [\"restore-sst-physical-size (after compression)\"=35416437434] " +
            "[restore-sst-total-take=1m44.679031567s] [\"average-speed (sst)\"=2.149GB/s]");

        e.Should().BeOfType<LogRestoreSummaryEvent>().Which.Should().BeEquivalentTo(new
        {
            RestoreSstKvCount = 416309359L,
            RestoreSstKvSize = "72431966232",
            RestoreSstPhysicalSize = 35416437434L,
            RestoreSstTotalTake = "1m44.679031567s",
            AverageSpeedSst = "2.149GB/s",
        });
    }

    public static TheoryData<string, ConsoleBarState, double> ConsoleBarLines => new()
    {
        { "repair ingest index idx_b for table shop.orders.", ConsoleBarState.Running, 0 },
        { "\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders..", ConsoleBarState.Running, 0 },
        { "\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders...", ConsoleBarState.Running, 0 },
        { "\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders... \u001b[32mDONE\u001b[0m", ConsoleBarState.Done, 100 },
        { "\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders\u001b[31mABORTED\u001b[0m", ConsoleBarState.Aborted, 0 },
        { "repair ingest index idx_b for table shop.orders ... \u001b[92mSKIPPED DUE TO CHECKPOINT MODE\u001b[0m", ConsoleBarState.SkippedByCheckpoint, 100 },
    };

    [Theory]
    [MemberData(nameof(ConsoleBarLines))]
    public void The_repair_console_bar_is_read_as_ingest_repair_progress(string line, ConsoleBarState state, double percent)
    {
        var repair = Single(line).Should().BeOfType<IngestRepairProgressEvent>().Subject;

        repair.Should().BeEquivalentTo(new
        {
            Source = ProgressSource.ConsoleBar,
            BarState = (ConsoleBarState?)state,
            Percent = percent,
            IndexName = "idx_b",
            Database = "shop",
            Table = "orders",
        });
    }

    [Fact]
    public void Frames_of_one_console_bar_redrawn_in_place_end_done()
    {
        var text = "repair ingest index idx_b for table shop.orders.\n\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders..\n" +
            "\u001b[1A\u001b[Jrepair ingest index idx_b for table shop.orders... \u001b[32mDONE\u001b[0m\n";

        var bars = Parse(text).OfType<IngestRepairProgressEvent>().ToList();

        bars.Select(b => b.BarState).Should().Equal(ConsoleBarState.Running, ConsoleBarState.Running, ConsoleBarState.Done);
    }

    [Fact]
    public void Other_console_text_is_not_a_repair_bar()
    {
        Single("Detail BR log in /tmp/br.log.2026-01-22T00.39.25+0800").Should().BeOfType<UnknownEvent>();
        Single("Reading Metadata... DONE").Should().BeOfType<UnknownEvent>();
    }

    public static TheoryData<string, NonFinalSegmentNotice, ulong, ulong?> V1Lines => new()
    {
        {
            "[2026/01/22 00:39:25.301 +08:00] [INFO] [stream.go:1453] [\"restore-ts is before log max and --last not specified; treating as non-final segment\"] [restore-ts=463736143872000000] [log-max-ts=463737559449600007]",
            NonFinalSegmentNotice.TreatedAsNonFinal, 463736143872000000UL, 463737559449600007UL
        },
        {
            "[2026/01/22 00:58:12.010 +08:00] [INFO] [stream.go:1780] [\"skip repairing ingest index until last segment\"] [restored-ts=463736143872000000]",
            NonFinalSegmentNotice.IngestRepairSkipped, 463736143872000000UL, null
        },
        {
            "[2026/01/22 00:58:12.011 +08:00] [INFO] [stream.go:1786] [\"skip restoring TiFlash Replica until last segment\"] [restored-ts=463736143872000000]",
            NonFinalSegmentNotice.TiFlashResetSkipped, 463736143872000000UL, null
        },
    };

    [Theory]
    [MemberData(nameof(V1Lines))]
    public void V1_non_final_segment_lines_are_recognized(string line, NonFinalSegmentNotice notice, ulong restoreTs, ulong? logMaxTs)
    {
        Single(line).Should().BeOfType<NonFinalSegmentEvent>().Which.Should().BeEquivalentTo(new { Notice = notice, RestoreTs = restoreTs, LogMaxTs = logMaxTs });
    }

    [Theory]
    [InlineData("[arguments]", "arguments")]
    [InlineData("[\"arguments\"]", "arguments")]
    [InlineData("[\"Welcome to Backup & Restore (BR)\"]", "Welcome to Backup & Restore (BR)")]
    public void Messages_are_read_bare_or_quoted(string message, string text)
    {
        var e = Single("[2026/01/22 00:39:25.100 +08:00] [INFO] [info.go:49] " + message + " [__command=\"br restore point\"] [pd=\"[pd:2379]\"]");

        e.Record!.Message.Should().Be(text);
        e.Record.Field("__command").Should().Be("br restore point");
        e.Record.Field("pd").Should().Be("[pd:2379]");
    }

    private static BrEvent Single(string line) => Parse(line + "\n").Should().ContainSingle().Subject;

    private static List<BrEvent> Parse(string text)
    {
        var parser = new BrOutputParser();
        return [.. parser.Push(text), .. parser.Complete()];
    }
}
