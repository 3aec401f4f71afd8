using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Unit;

/// <summary>The directory watch on a real directory: a write in a subdirectory wakes the loop; Take re-arms it.</summary>
public sealed class CheckpointChangeWatchTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_write_in_a_subdirectory_is_pending_until_taken_and_a_later_write_wakes_it_again()
    {
        using var temp = new TempDir();
        var nested = Directory.CreateDirectory(Path.Combine(temp.Path, "checkpoints", "log_restore_1", "data")).FullName;
        using var watch = CheckpointChangeWatch.Start(temp.Path, TimeProvider.System, NullLogger.Instance);
        watch.Watching.Should().BeTrue();
        watch.Pending.Should().BeNull();
        watch.ChangedAsync(CancellationToken.None).IsCompleted.Should().BeFalse();

        await File.WriteAllTextAsync(Path.Combine(nested, "restored_files.cpt"), "[0]");
        await watch.ChangedAsync(CancellationToken.None).WaitAsync(Generous);
        watch.Pending.Should().NotBeNull();
        watch.Pending!.ScanNow.Should().BeFalse();

        watch.Take();
        watch.Pending.Should().BeNull();
        var next = watch.ChangedAsync(CancellationToken.None);
        next.IsCompleted.Should().BeFalse("a taken change does not wake the loop again");

        await File.WriteAllTextAsync(Path.Combine(nested, "restored_files.cpt"), "[0,1]");
        await next.WaitAsync(Generous);
        watch.Pending.Should().NotBeNull();
    }

    [Fact]
    public void A_directory_that_cannot_be_watched_leaves_the_timer_to_sync()
    {
        using var temp = new TempDir();
        using var watch = CheckpointChangeWatch.Start(Path.Combine(temp.Path, "missing"), TimeProvider.System, NullLogger.Instance);
        watch.Watching.Should().BeFalse();
        watch.Pending.Should().BeNull();
    }
}
