using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

public sealed class SecretTests
{
    [Fact]
    public async Task The_token_and_storage_credentials_never_reach_argv_logs_or_the_ledger()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var token = reporter.Grant(0, 1);
        const string awsSecret = "aws-secret-Zq9x7Lk2Vb";
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        // A transient failure, so BR's error text and the remediation also pass through the redacting path.
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, token, dir, world.SegmentArgs(0, dir),
            extra: [("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", awsSecret), ("BRSIM_TRANSIENT_ERROR", "log:30")]);
        using var worker = WorkerProcess.Start(env);
        await worker.WaitAsync();

        var argv = File.ReadAllText(world.ArgvLog);
        var brEnv = File.ReadAllText(world.EnvLog);
        foreach (var secret in new[] { token, awsSecret })
        {
            argv.Should().NotContain(secret);
            worker.Stdout.Should().NotContain(secret);
            worker.Stderr.Should().NotContain(secret);
        }

        brEnv.Should().NotContain(token, "BR never receives the reporter token").And.NotContain("SEGRESTORE_TOKEN");
        brEnv.Should().Contain("AWS_SECRET_ACCESS_KEY=" + awsSecret, "storage credentials reach BR through its environment only");
        var attempt = (await reporter.SegmentAsync(0)).Attempts.Single();
        attempt.Message.Should().NotContain(token).And.NotContain(awsSecret);
    }
}
