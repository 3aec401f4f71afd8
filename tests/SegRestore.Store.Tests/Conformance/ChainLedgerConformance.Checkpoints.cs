using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Streams;
using SegRestore.Store.Tests.Support;

namespace SegRestore.Store.Tests.Conformance;

public abstract partial class ChainLedgerConformance
{
    [BackendFact]
    public async Task A_commit_round_trips_content_sha256_size_and_generation()
    {
        var chain = await NewChainAsync();
        var a = Samples.Bytes(1000, 1);
        var b = Samples.Bytes(70_000, 2);

        var generation = await CommitAsync(chain.RootUid, 0, [("checkpoints/a.meta", a), ("pitr_id_maps/b", b)]);

        generation.Should().Be(1);
        var snapshot = await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None);
        snapshot.Generation.Should().Be(1);
        snapshot.Files.Should().Equal(
            new CheckpointFileInfo("checkpoints/a.meta", Sha256Hex.Of(a), a.Length, 1),
            new CheckpointFileInfo("pitr_id_maps/b", Sha256Hex.Of(b), b.Length, 1));
        (await Ledger.ReadFileAsync(chain.RootUid, "checkpoints/a.meta")).Should().Equal(a);
        (await Ledger.ReadFileAsync(chain.RootUid, "pitr_id_maps/b")).ShouldEqualBytes(b);
    }

    [BackendFact]
    public async Task A_commit_replaces_and_deletes_files_in_one_generation()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("keep", [1]), ("replace", [2]), ("drop", [3])]);

        await CommitAsync(chain.RootUid, 1, [("replace", [22]), ("new", [4])], "drop", "never-existed");

        var snapshot = await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None);
        snapshot.Generation.Should().Be(2);
        snapshot.Files.Select(f => (f.Path, f.Generation)).Should().Equal(("keep", 1L), ("new", 2L), ("replace", 2L));
        (await Ledger.ReadFileAsync(chain.RootUid, "replace")).Should().Equal(22);
        await FluentActions.Awaiting(() => Ledger.OpenCheckpointFileAsync(chain.RootUid, "drop", CancellationToken.None))
            .Should().ThrowAsync<LedgerNotFoundException>();
    }

    [BackendFact]
    public async Task A_commit_on_a_stale_generation_is_a_generation_conflict_and_keeps_the_previous_files()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("a", [1])]);

        var act = () => CommitAsync(chain.RootUid, 0, [("a", [9]), ("b", [9])]);

        var error = (await act.Should().ThrowAsync<GenerationConflictException>()).Which;
        error.ExpectedGeneration.Should().Be(0);
        error.ActualGeneration.Should().Be(1);
        error.ChainUid.Should().Be(chain.RootUid);
        (await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None)).Files.Should().ContainSingle();
        (await Ledger.ReadFileAsync(chain.RootUid, "a")).Should().Equal(1);
    }

    [BackendFact]
    public async Task A_commit_refuses_paths_that_could_escape_the_checkpoint_directory()
    {
        var chain = await NewChainAsync();

        foreach (var path in new[] { "/etc/passwd", "../escape", "a/../../b", "a//b", "a\\b", "" })
        {
            var act = () => CommitAsync(chain.RootUid, 0, [(path, [1])]);

            (await act.Should().ThrowAsync<LedgerValidationException>(path)).Which.Field.Should().Be("commit.puts.path");
        }

        (await Ledger.GetChainAsync(chain.RootUid, CancellationToken.None))!.Generation.Should().Be(0);
    }

    [BackendFact]
    public async Task A_commit_refuses_a_path_both_put_and_deleted()
    {
        var chain = await NewChainAsync();

        var act = () => CommitAsync(chain.RootUid, 0, [("a", [1])], "a");

        await act.Should().ThrowAsync<LedgerValidationException>().WithMessage("*both put and deleted*");
    }

    [BackendFact]
    public async Task Empty_and_multi_chunk_files_round_trip()
    {
        var chain = await NewChainAsync();
        var big = Samples.Bytes((3 * 1024 * 1024) + 12345, 3);

        await CommitAsync(chain.RootUid, 0, [("empty", []), ("big", big)]);

        (await Ledger.ReadFileAsync(chain.RootUid, "empty")).Should().BeEmpty();
        (await Ledger.ReadFileAsync(chain.RootUid, "big")).ShouldEqualBytes(big);
    }

    [BackendFact]
    public async Task Opening_a_file_that_was_never_committed_raises_not_found()
    {
        var chain = await NewChainAsync();

        var act = () => Ledger.OpenCheckpointFileAsync(chain.RootUid, "missing", CancellationToken.None);

        await act.Should().ThrowAsync<LedgerNotFoundException>().WithMessage("*missing*");
    }

    [BackendFact]
    public async Task An_open_reader_keeps_reading_its_generation_while_a_commit_replaces_the_file()
    {
        var chain = await NewChainAsync();
        var old = Samples.Bytes((2 * 1024 * 1024) + 7, 4);
        await CommitAsync(chain.RootUid, 0, [("state", old)]);
        await using var reader = await Ledger.OpenCheckpointFileAsync(chain.RootUid, "state", CancellationToken.None);
        var head = new byte[10];
        await reader.ReadExactlyAsync(head);

        await CommitAsync(chain.RootUid, 1, [("state", [1, 2, 3])]);

        using var rest = new MemoryStream();
        await reader.CopyToAsync(rest);
        head.Concat(rest.ToArray()).ToArray().ShouldEqualBytes(old);
        (await Ledger.ReadFileAsync(chain.RootUid, "state")).Should().Equal(1, 2, 3);
    }

    [BackendFact]
    public async Task A_corrupt_chunk_is_an_error_naming_chain_and_path_and_its_bytes_are_never_returned()
    {
        var chain = await NewChainAsync();
        var content = Samples.Bytes(200_000, 5);
        await CommitAsync(chain.RootUid, 0, [("checkpoints/data", content), ("other", [7, 7])]);

        await CorruptStoredChunkAsync(chain.RootUid, "checkpoints/data");

        await using var stream = await Ledger.OpenCheckpointFileAsync(chain.RootUid, "checkpoints/data", CancellationToken.None);
        var buffer = new byte[content.Length];
        var read = () => stream.ReadAsync(buffer).AsTask();
        var error = (await read.Should().ThrowAsync<LedgerCorruptionException>()).Which;
        error.ChainUid.Should().Be(chain.RootUid);
        error.Path.Should().Be("checkpoints/data");
        error.Message.Should().Contain(chain.RootUid).And.Contain("checkpoints/data");
        buffer.Should().OnlyContain(b => b == 0);
        (await Ledger.ReadFileAsync(chain.RootUid, "other")).Should().Equal(7, 7);
    }

    [BackendFact]
    public async Task Two_writers_racing_on_one_generation_one_commits_and_the_other_gets_a_conflict()
    {
        var chain = await NewChainAsync();
        var other = await OpenLedgerAsync();
        var contentA = Samples.Bytes(1_500_000, 6);
        var contentB = Samples.Bytes(1_500_000, 7);
        Task<long> Write(IChainLedger ledger, byte[] content) => Task.Run(() => ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(0, [CheckpointPut.FromBytes("state", content), CheckpointPut.FromBytes("extra", content)], []), CancellationToken.None));

        var results = await Task.WhenAll(Capture(Write(Ledger, contentA)), Capture(Write(other, contentB)));

        results.Count(r => r.Error is null).Should().Be(1);
        results.Single(r => r.Error is not null).Error.Should().BeOfType<GenerationConflictException>();
        var winner = results[0].Error is null ? contentA : contentB;
        (await Ledger.GetChainAsync(chain.RootUid, CancellationToken.None))!.Generation.Should().Be(1);
        (await Ledger.ReadFileAsync(chain.RootUid, "state")).ShouldEqualBytes(winner);
        (await Ledger.ReadFileAsync(chain.RootUid, "extra")).ShouldEqualBytes(winner);
    }

    [BackendFact]
    public async Task An_upload_that_fails_midway_leaves_the_previous_generation_intact()
    {
        var chain = await NewChainAsync();
        await CommitAsync(chain.RootUid, 0, [("state", [1, 2, 3])]);
        await using var failing = new FailingStream(3 * 1024 * 1024);

        var act = () => Ledger.CommitCheckpointAsync(chain.RootUid,
            new CheckpointCommit(1, [CheckpointPut.FromBytes("a", [9]), new CheckpointPut("state", failing)], ["state2"]), CancellationToken.None);

        await act.Should().ThrowAsync<IOException>();
        var snapshot = await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None);
        snapshot.Generation.Should().Be(1);
        snapshot.Files.Select(f => f.Path).Should().Equal("state");
        (await Ledger.ReadFileAsync(chain.RootUid, "state")).Should().Equal(1, 2, 3);
    }

    [BackendFact]
    public async Task A_64_MiB_set_of_checkpoint_files_round_trips()
    {
        var chain = await NewChainAsync();
        var files = Enumerable.Range(0, 8).Select(i => (Path: $"checkpoints/restore-{i}/data.sst", Content: Samples.Bytes(8 * 1024 * 1024, 100 + i))).ToList();

        await CommitAsync(chain.RootUid, 0, files);

        var snapshot = await Ledger.GetCheckpointAsync(chain.RootUid, CancellationToken.None);
        snapshot.Files.Sum(f => f.Size).Should().Be(64L * 1024 * 1024);
        foreach (var (path, content) in files)
        {
            (await Ledger.ReadFileAsync(chain.RootUid, path)).ShouldEqualBytes(content, because: path);
        }
    }

    private static async Task<(long Generation, Exception? Error)> Capture(Task<long> commit)
    {
        try
        {
            return (await commit, null);
        }
        catch (LedgerException error)
        {
            return (-1, error);
        }
    }
}
