using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Unit;

public sealed class CheckpointDirectoryEmptyingTests
{
    [Fact]
    public void Hydration_empties_the_directory_but_keeps_it_because_in_a_pod_it_is_a_mount_point()
    {
        using var temp = new TempDir();
        var root = Path.Combine(temp.Path, "checkpoint");
        var outside = Path.Combine(temp.Path, "outside");
        Directory.CreateDirectory(Path.Combine(root, "checkpoints", "deep"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(root, "checkpoints", "deep", "f"), "x");
        File.WriteAllText(Path.Combine(root, "top"), "y");
        File.WriteAllText(Path.Combine(outside, "keep"), "z");
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);

        CheckpointSync.EmptyDirectory(root);

        Directory.Exists(root).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(root).Should().BeEmpty();
        File.Exists(Path.Combine(outside, "keep")).Should().BeTrue("a link is removed, not followed");
    }

    [Fact]
    public void A_claims_lost_and_found_and_its_content_stay()
    {
        using var temp = new TempDir();
        var root = Path.Combine(temp.Path, "checkpoint");
        Directory.CreateDirectory(Path.Combine(root, "lost+found"));
        File.WriteAllText(Path.Combine(root, "lost+found", "#12"), "fsck");
        File.WriteAllText(Path.Combine(root, ".segrestore-sync"), "{\"generation\":1}");

        CheckpointSync.EmptyDirectory(root);

        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(root, e))
            .Should().BeEquivalentTo("lost+found", Path.Combine("lost+found", "#12"));
    }

    [Fact]
    public void A_missing_directory_is_created()
    {
        using var temp = new TempDir();
        var root = Path.Combine(temp.Path, "a", "checkpoint");

        CheckpointSync.EmptyDirectory(root);

        Directory.Exists(root).Should().BeTrue();
    }
}
