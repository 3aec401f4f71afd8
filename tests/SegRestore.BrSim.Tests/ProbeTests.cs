using SegRestore.Br.Output;
using SegRestore.Br.Probe;

namespace SegRestore.BrSim.Tests;

/// <summary>`br --version`, `br restore point --help` and `br log metadata`, read the way the worker probes them.</summary>
public sealed class ProbeTests
{
    [Theory]
    [InlineData("last-segment", BrDialect.LastSegment)]
    [InlineData("last", BrDialect.Last)]
    [InlineData("none", BrDialect.None)]
    public async Task Help_and_version_reveal_the_configured_dialect(string configured, BrDialect expected)
    {
        var env = new Dictionary<string, string> { ["BRSIM_DIALECT"] = configured };
        var version = await BrProcess.RunAsync(env, "--version");
        var help = await BrProcess.RunAsync(env, "restore", "point", "--help");
        version.ExitCode.Should().Be(0);
        help.ExitCode.Should().Be(0);
        var capabilities = BrCapabilityParser.Parse(version.Stdout, help.Stdout);
        capabilities.Dialect.Should().Be(expected);
        capabilities.SupportsCheckpointStorage.Should().BeTrue();
        var info = BrCapabilityParser.ParseVersion(version.Stdout);
        info.ReleaseVersion.Should().StartWith("v");
        info.GitCommitHash.Should().NotBeNullOrEmpty();
        info.GoVersion.Should().StartWith("go");
        version.Stdout.Should().Contain("Race Enabled: false");
        help.Stdout.Should().Contain("Global Flags:").And.Contain("--full-backup-storage");
    }

    [Fact]
    public async Task Log_metadata_prints_the_log_window()
    {
        using var world = new SimWorldFixture();
        var result = await BrProcess.RunAsync(world.Env(), "log", "metadata", "-s", world.Manifest.LogBackupStorage);
        result.ExitCode.Should().Be(0, result.Stdout);
        result.Stdout.Should().Contain("[\"log metadata\"]")
            .And.Contain($"[log-min-ts={world.Manifest.LogMinTs}]")
            .And.Contain($"[log-max-ts={world.Manifest.LogMaxTs}]");
        var parser = new BrOutputParser();
        var events = parser.Push(result.Stdout).Concat(parser.Complete()).ToList();
        events.Should().ContainSingle().Which.Should().BeOfType<LogMetadataEvent>()
            .Which.Should().BeEquivalentTo(new { LogMinTs = world.Manifest.LogMinTs, LogMaxTs = world.Manifest.LogMaxTs });
    }

    [Fact]
    public async Task Cloud_storage_needs_credentials_in_the_environment()
    {
        var directory = Path.Combine(Path.GetTempPath(), "brsim-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var made = await BrProcess.RunAsync(new Dictionary<string, string>(), "brsim", "workload", "--world", directory,
                "--points", "2", "--log-storage", "s3://bucket/log", "--full-storage", "s3://bucket/full");
            made.ExitCode.Should().Be(0, made.Stderr);
            Directory.Exists(Path.Combine(directory, "storage", "s3", "bucket", "log")).Should().BeTrue();
            var env = new Dictionary<string, string> { ["BRSIM_WORLD"] = directory };
            var denied = await BrProcess.RunAsync(env, "log", "metadata", "-s", "s3://bucket/log");
            denied.ExitCode.Should().Be(1);
            denied.Stdout.Should().Contain("NoCredentialProviders");
            env["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
            env["AWS_SECRET_ACCESS_KEY"] = "secret";
            (await BrProcess.RunAsync(env, "log", "metadata", "-s", "s3://bucket/log")).ExitCode.Should().Be(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Abort_removes_the_checkpoint_so_a_different_range_can_start()
    {
        using var world = new SimWorldFixture();
        (await BrProcess.RunAsync(world.Env(("BRSIM_KILL_AT", "log:50")), world.SegmentArgs(0))).ExitCode.Should().Be(137);
        (await BrProcess.RunAsync(world.Env(), ["abort", "restore", "point", .. world.SegmentArgs(0)[2..]])).ExitCode.Should().Be(0);
        Directory.EnumerateFileSystemEntries(Path.Combine(world.Directory, "checkpoint", "checkpoints")).Should().BeEmpty();
        world.World.LoadTarget(world.Pd)!.GcRatioThreshold.Should().Be("1.1");
    }
}
