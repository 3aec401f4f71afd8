namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>The environment the operator's pod builder would give one worker attempt.</summary>
public static class WorkerEnvBuilder
{
    public static Dictionary<string, string> For(
        TestReporter reporter, TestWorld world, int segment, int attempt, string token, string checkpointDir, IEnumerable<string> brArgs,
        string dialect = "last-segment", params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["SEGRESTORE_REPORTER_URL"] = reporter.Address.ToString(),
            ["SEGRESTORE_TOKEN"] = token,
            ["SEGRESTORE_SEGMENT_UID"] = TestReporter.SegmentUid(segment),
            ["SEGRESTORE_ATTEMPT"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SEGRESTORE_POD_NAME"] = $"worker-{segment}-{attempt}",
            ["SEGRESTORE_CHECKPOINT_MODE"] = "Managed",
            ["SEGRESTORE_CHECKPOINT_DIR"] = checkpointDir,
            ["SEGRESTORE_BR_PATH"] = world.BrPath,
            ["SEGRESTORE_BR_ARGS"] = WorkerProcess.ArgsJson(brArgs),
            ["SEGRESTORE_SYNC_INTERVAL_SECONDS"] = "1",
            ["SEGRESTORE_PROGRESS_INTERVAL_SECONDS"] = "1",
            ["SEGRESTORE_RESULT_DEADLINE_SECONDS"] = "20",
            ["SEGRESTORE_RETRY_INITIAL_BACKOFF_MS"] = "200",
            ["SEGRESTORE_RETRY_MAX_BACKOFF_MS"] = "1000",
            ["SEGRESTORE_TERMINATION_LOG"] = Path.Combine(world.Directory, $"termination-{segment}-{attempt}.log"),
            ["BRSIM_WORLD"] = world.WorldDirectory,
            ["BRSIM_DIALECT"] = dialect,
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>A fresh, empty checkpoint directory: each attempt runs in a new pod with a new emptyDir.</summary>
    public static string NewCheckpointDir(TestWorld world, int segment, int attempt) =>
        Path.Combine(world.Directory, $"pod-{segment}-{attempt}", "checkpoint");
}
