namespace SegRestore.Store.CrashWriter;

/// <summary>
/// `commit`: commits generations of the crash workload to an existing chain, printing `committed &lt;g&gt;` after each.
/// With --pause-after-kib it stops inside the first commit once that much content was read, prints `paused`, and
/// waits to be killed. With --loop it commits until killed.
/// </summary>
public static class CommitCommand
{
    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var chain = options.Text("chain");
        var workload = new CrashWorkload((int)options.Number("files"), options.Number("file-kib") * 1024);
        var pauseAt = options.Number("pause-after-kib", -1) * 1024;
        await using var ledger = await LedgerTarget.OpenFromEnvironmentAsync(cancellationToken);
        do
        {
            var current = (await ledger.GetCheckpointAsync(chain, cancellationToken)).Generation;
            Func<long, CancellationToken, Task>? pause = pauseAt < 0 ? null : async (produced, token) =>
            {
                if (produced >= pauseAt)
                {
                    await Console.Out.WriteLineAsync("paused");
                    await Console.Out.FlushAsync(token);
                    await Task.Delay(Timeout.Infinite, token);
                }
            };
            var committed = await ledger.CommitCheckpointAsync(chain, new Model.CheckpointCommit(current, workload.Puts(current + 1, pause), []), cancellationToken);
            await Console.Out.WriteLineAsync($"committed {committed}");
            await Console.Out.FlushAsync(cancellationToken);
        }
        while (options.Flag("loop"));

        return 0;
    }
}
