using SegRestore.Worker.Checkpoint;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Unit;

public sealed class SyncMarkerTests
{
    [Fact]
    public async Task A_written_generation_reads_back_and_leaves_no_temp_file()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.Path);
        var marker = new SyncMarker(temp.Path, "uid-1", 2);

        await marker.WriteAsync(7, CancellationToken.None);
        await marker.WriteAsync(8, CancellationToken.None);

        (await marker.ReadAsync(CancellationToken.None)).Should().Be(8);
        File.ReadAllText(Path.Combine(temp.Path, ".segrestore-sync")).Should().Be("{\"generation\":8,\"segmentUid\":\"uid-1\",\"attempt\":2}");
        Directory.EnumerateFiles(temp.Path).Select(Path.GetFileName).Should().Equal(".segrestore-sync");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"generation\":")]
    [InlineData("{\"generation\":-1}")]
    [InlineData("garbage")]
    public async Task A_missing_or_unreadable_marker_is_no_marker_so_the_directory_is_rebuilt(string? content)
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.Path);
        if (content is not null)
        {
            File.WriteAllText(Path.Combine(temp.Path, ".segrestore-sync"), content);
        }

        (await new SyncMarker(temp.Path, "uid-1", 1).ReadAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_removes_the_marker_and_a_later_write_of_the_same_generation_writes_it_again()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp.Path);
        var marker = new SyncMarker(temp.Path, "uid-1", 1);
        await marker.WriteAsync(3, CancellationToken.None);

        marker.Delete();
        (await marker.ReadAsync(CancellationToken.None)).Should().BeNull();
        await marker.WriteAsync(3, CancellationToken.None);

        (await marker.ReadAsync(CancellationToken.None)).Should().Be(3);
    }
}
