using SegRestore.Br.Arguments;
using SegRestore.Reporter.Contract;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Tests.Unit;

public sealed class WorkerConfigParserTests
{
    private static Dictionary<string, string?> ValidEnv() => new()
    {
        [WorkerEnv.ReporterUrl] = "http://operator:9443",
        [WorkerEnv.Token] = "tok-abcdef",
        [WorkerEnv.SegmentUid] = "uid-1",
        [WorkerEnv.Attempt] = "2",
        [WorkerEnv.BrArgs] = "[\"restore\",\"point\",\"--pd\",\"pd:2379\",\"--checkpoint-storage\",\"local:///var/lib/segrestore/checkpoint\"]",
    };

    [Fact]
    public void A_complete_environment_gives_defaults_for_the_rest()
    {
        var config = WorkerConfigParser.Parse(ValidEnv());
        config.Attempt.Should().Be(2);
        config.CheckpointMode.Should().Be(BrCheckpointMode.Managed);
        config.CheckpointDir.Should().Be(WorkerEnv.DefaultCheckpointDir);
        config.BrArgs.Should().Equal("restore", "point", "--pd", "pd:2379", "--checkpoint-storage", "local:///var/lib/segrestore/checkpoint");
        config.SyncInterval.Should().Be(TimeSpan.FromSeconds(30));
        config.TerminationLogPath.Should().Be("/dev/termination-log");
        config.ToString().Should().NotContain("tok-abcdef");
    }

    [Theory]
    [InlineData(WorkerEnv.ReporterUrl, null, WorkerEnv.ReporterUrl)]
    [InlineData(WorkerEnv.ReporterUrl, "ftp://x", "ftp://x")]
    [InlineData(WorkerEnv.Token, "", WorkerEnv.Token)]
    [InlineData(WorkerEnv.Attempt, "0", "'0'")]
    [InlineData(WorkerEnv.Attempt, "two", "'two'")]
    [InlineData(WorkerEnv.BrArgs, "restore point", "JSON array")]
    [InlineData(WorkerEnv.BrArgs, "[\"backup\",\"full\"]", "\"restore\", \"point\"")]
    [InlineData(WorkerEnv.CheckpointMode, "Sometimes", "Managed, Table, External")]
    [InlineData(WorkerEnv.CheckpointDir, "relative/dir", "absolute")]
    [InlineData(WorkerEnv.SyncIntervalSeconds, "-1", "positive")]
    [InlineData(WorkerEnv.CheckpointVolume, "pvc", "'pvc' is not one of claim, emptyDir")]
    [InlineData(WorkerEnv.CheckpointVolume, "Claim", "'Claim' is not one of claim, emptyDir")]
    [InlineData(WorkerEnv.CheckpointVolume, " claim", "claim, emptyDir")]
    public void Bad_input_names_the_variable_and_the_fix(string name, string? value, string mentioned)
    {
        var env = ValidEnv();
        env[name] = value;
        var act = () => WorkerConfigParser.Parse(env);
        act.Should().Throw<WorkerConfigException>().Which.Message.Should().Contain(name).And.Contain(mentioned);
    }

    [Theory]
    [InlineData(null, CheckpointVolume.EmptyDir)]
    [InlineData("", CheckpointVolume.EmptyDir)]
    [InlineData("emptyDir", CheckpointVolume.EmptyDir)]
    [InlineData("claim", CheckpointVolume.Claim)]
    public void The_checkpoint_volume_is_claim_or_emptyDir_and_defaults_to_emptyDir(string? value, CheckpointVolume expected)
    {
        var env = ValidEnv();
        env[WorkerEnv.CheckpointVolume] = value;

        WorkerConfigParser.Parse(env).CheckpointVolume.Should().Be(expected);
    }

    [Fact]
    public void Managed_mode_refuses_an_argv_whose_checkpoint_storage_is_not_the_synced_directory()
    {
        var env = ValidEnv();
        env[WorkerEnv.CheckpointDir] = "/other";
        var act = () => WorkerConfigParser.Parse(env);
        act.Should().Throw<WorkerConfigException>().Which.Message.Should().Contain("local:///other");
    }

    [Fact]
    public void A_secret_never_appears_in_a_config_error()
    {
        var env = ValidEnv();
        env[WorkerEnv.Attempt] = "x";
        var act = () => WorkerConfigParser.Parse(env);
        act.Should().Throw<WorkerConfigException>().Which.Message.Should().NotContain("tok-abcdef");
    }
}
