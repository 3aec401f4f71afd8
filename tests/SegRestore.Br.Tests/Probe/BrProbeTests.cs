using SegRestore.Br.Probe;

namespace SegRestore.Br.Tests.Probe;

/// <summary>The probe runs a real process: a stand-in `br` script that prints the fixtures as BR would.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BrProbeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("segrestore-brprobe-").FullName;

    [Theory]
    [InlineData("restore-point-help-last-segment.txt", "version-v9.txt", BrDialect.LastSegment, "v9.0.0")]
    [InlineData("restore-point-help-last.txt", "version-v9.txt", BrDialect.Last, "v9.0.0")]
    [InlineData("restore-point-help-none.txt", "version-v7.txt", BrDialect.None, "v7.1.5")]
    public async Task Probe_runs_br_and_reports_its_capabilities(string help, string version, BrDialect dialect, string release)
    {
        var br = WriteFakeBr(Fixture.PathOf("help/" + version), Fixture.PathOf("help/" + help));

        var capabilities = await new BrProbe(br).ProbeAsync(CancellationToken.None);

        capabilities.Dialect.Should().Be(dialect);
        capabilities.Version.ReleaseVersion.Should().Be(release);
    }

    [Fact]
    public async Task A_missing_binary_is_a_probe_error_naming_the_path()
    {
        var missing = System.IO.Path.Combine(_directory, "no-such-br");

        var probe = () => new BrProbe(missing).ProbeAsync(CancellationToken.None);

        (await probe.Should().ThrowAsync<BrProbeException>()).Which.Message.Should().Contain(missing);
    }

    [Fact]
    public async Task A_hanging_binary_is_stopped_at_the_timeout()
    {
        var br = System.IO.Path.Combine(_directory, "br-hangs");
        await File.WriteAllTextAsync(br, "#!/bin/sh\nexec sleep 600\n");
        File.SetUnixFileMode(br, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var probe = () => new BrProbe(br, TimeSpan.FromMilliseconds(500)).ProbeAsync(CancellationToken.None);

        (await probe.Should().ThrowAsync<BrProbeException>()).Which.Message.Should().Contain("did not finish");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFakeBr(string versionFile, string helpFile)
    {
        var path = System.IO.Path.Combine(_directory, "br");
        File.WriteAllText(path, $"""
            #!/bin/sh
            if [ "$1" = "--version" ]; then cat '{versionFile}'; exit 0; fi
            if [ "$1 $2 $3" = "restore point --help" ]; then cat '{helpFile}'; exit 0; fi
            echo "unexpected arguments: $*" >&2; exit 2
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
