using SegRestore.Worker.Checkpoint;

namespace SegRestore.Worker.Tests.Unit;

/// <summary>A checkpoint file BR deleted between the scan and the send restarts the sync instead of crashing the worker.</summary>
public sealed class VanishedFileRetryTests
{
    public static TheoryData<string, int, bool> Cases => new()
    {
        // exception thrown by the first N passes, N, whether the sync ends with the last pass's result
        { "file", 0, true },
        { "file", 1, true },
        { "directory", 2, true },
        { "file", VanishedFileRetry.MaxPasses - 1, true },
        { "file", VanishedFileRetry.MaxPasses, false },
        { "other-io", 1, false },
        { "invalid-data", 1, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_vanished_file_restarts_the_pass_and_anything_else_propagates(string failure, int failingPasses, bool succeeds)
    {
        var passes = 0;
        var vanished = 0;
        Task<int> Pass()
        {
            passes++;
            if (passes <= failingPasses)
            {
                throw failure switch
                {
                    "file" => new FileNotFoundException("gone", "checkpoints/x.meta"),
                    "directory" => new DirectoryNotFoundException("gone"),
                    "other-io" => new IOException("disk full"),
                    _ => new InvalidDataException("bad"),
                };
            }

            return Task.FromResult(passes);
        }

        var run = () => VanishedFileRetry.RunAsync(Pass, _ => vanished++);

        if (succeeds)
        {
            (await run()).Should().Be(failingPasses + 1, "the pass after the last vanished file is the one that counts");
            vanished.Should().Be(failingPasses);
        }
        else
        {
            await run.Should().ThrowAsync<Exception>();
            passes.Should().Be(Math.Min(failingPasses, VanishedFileRetry.MaxPasses));
        }
    }
}
