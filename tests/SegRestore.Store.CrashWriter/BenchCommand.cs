using System.Diagnostics;
using System.Globalization;
using System.Text;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;
using SegRestore.Store.ConfigMaps;
using SegRestore.Store.Model;
using SegRestore.Store.Sql;

namespace SegRestore.Store.CrashWriter;

/// <summary>`bench`: commits and reads back a set of checkpoint files in each backend and reports MB/s (1 MB = 2^20
/// bytes) as a Markdown table on stdout and, with --output, into a file.</summary>
public static class BenchCommand
{
    private const int Files = 8;

    public static async Task<int> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var mib = options.Number("mib", 64);
        var workload = new CrashWorkload(Files, mib * 1024 * 1024 / Files);
        var directory = Directory.CreateTempSubdirectory("segrestore-bench-");
        var rows = new List<string>();
        try
        {
            rows.Add(await MeasureAsync("SQLite", workload, () => SqlLedgers.OpenSqliteAsync(Path.Combine(directory.FullName, "ledger.db"), null, null, cancellationToken), cancellationToken));
            if (TestPostgres.ConnectionStringOrNull() is { } postgres)
            {
                var schema = "bench_" + Guid.NewGuid().ToString("N");
                rows.Add(await MeasureAsync("PostgreSQL", workload, () => SqlLedgers.OpenPostgresAsync(postgres, schema, null, null, cancellationToken), cancellationToken));
            }
            else
            {
                rows.Add("| PostgreSQL | not run: SEGRESTORE_TEST_PG is not set | |");
            }

            var store = new InMemoryConfigMapStore(TimeProvider.System);
            rows.Add(await MeasureAsync("ConfigMap (in-memory store)", workload, () => Task.FromResult(ConfigMapLedgers.Create(store)), cancellationToken));
            rows.Add(await MeasureOnLocalClusterAsync(workload, cancellationToken));
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Ledger throughput: {mib} MiB in {Files} checkpoint files, one commit, then every file read back and verified.")
            .AppendLine()
            .AppendLine("| Backend | Commit MB/s | Read MB/s |")
            .AppendLine("|---|---|---|");
        rows.ForEach(row => report.AppendLine(row));
        await Console.Out.WriteAsync(report.ToString());
        if (options.Flag("output"))
        {
            await File.WriteAllTextAsync(options.Text("output"), report.ToString(), cancellationToken);
        }

        return 0;
    }

    /// <summary>The ConfigMap ledger through the real client and HTTP to an in-process LocalCluster: JSON, base64 and
    /// the API path are measured; etcd is not (LocalCluster keeps objects in memory).</summary>
    private static async Task<string> MeasureOnLocalClusterAsync(CrashWorkload workload, CancellationToken cancellationToken)
    {
        await using var cluster = await LocalClusterServer.StartAsync(new LocalClusterOptions
        {
            Kubelet = new KubeletOptions { Enabled = false },
            WatchHistory = 64,
        }, cancellationToken);
        using var client = new KubernetesClient(KubeConfiguration.FromText(cluster.Kubeconfig));
        return await MeasureAsync("ConfigMap (LocalCluster over HTTP)", workload,
            () => Task.FromResult(ConfigMapLedgers.Create(new KubernetesConfigMapStore(client, "default"))), cancellationToken);
    }

    private static async Task<string> MeasureAsync(string name, CrashWorkload workload, Func<Task<IChainLedger>> open, CancellationToken cancellationToken)
    {
        await using var ledger = await open();
        var chain = await ledger.CreateChainAsync(new NewChain(Guid.NewGuid().ToString(), "bench-0", "bench", 1, "pd:2379", "s3://bench/log",
            CheckpointMode.Managed, null, BrDialect.LastSegment), cancellationToken);
        var total = workload.Files * workload.FileBytes;
        var write = Stopwatch.StartNew();
        await ledger.CommitCheckpointAsync(chain.RootUid, new CheckpointCommit(0, workload.Puts(1), []), cancellationToken);
        write.Stop();
        var read = Stopwatch.StartNew();
        var buffer = new byte[1024 * 1024];
        for (var file = 0; file < workload.Files; file++)
        {
            await using var stream = await ledger.OpenCheckpointFileAsync(chain.RootUid, CrashWorkload.PathOf(file), cancellationToken);
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }

        read.Stop();
        await ledger.FinalizeChainAsync(chain.RootUid, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {Rate(total, write)} | {Rate(total, read)} |");
    }

    private static string Rate(long bytes, Stopwatch watch) =>
        (bytes / 1048576.0 / watch.Elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture);
}
