using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.LocalCluster.Faults;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Chaos finding E's window, hit on purpose (docs/chaos.md, E): BR has saved a segment's PiTR id maps into its
/// checkpoint directory and written the range's meta KVs into the target, but no checkpoint sync has committed the
/// id-map save to the ledger, when the worker is SIGKILLed. Two BrSim gates and a LocalCluster fault make it
/// deterministic: BR stops before it builds the id maps until the ledger holds everything it wrote so far (the
/// snapshot and its checkpoint); from then on every ConfigMap create fails (every checkpoint commit creates its
/// content-addressed blobs first, so none commits); BR goes on, saves the id maps, writes the meta KVs and stops
/// again; the worker's process tree is killed there; the faults are removed and both gates are open, so the
/// operator's next attempt runs to the end.
/// </summary>
public sealed class IdMapWindow
{
    /// <summary>The last meta KV of segment 0 in the reference world (seed 7) is its CREATE TABLE: at 100 % of the
    /// meta step every meta KV is in the target, so a run that allocates new ids writes that table a second time.</summary>
    private const double AfterMetaPercent = 100;

    private IdMapWindow(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        BeforeIdMaps = new BrGate("idmap-build", 0, Path.Combine(directory, "before-id-maps"));
        AfterMeta = new BrGate("meta", AfterMetaPercent, Path.Combine(directory, "after-meta"));
    }

    public BrGate BeforeIdMaps { get; }

    public BrGate AfterMeta { get; }

    /// <summary>Sets the gates for every BR run from now on: call before the segment's attempt starts.</summary>
    public static IdMapWindow Arm(E2EEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var window = new IdMapWindow(Path.Combine(env.Directory, "gates"));
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_GATE_AT"] = $"{window.BeforeIdMaps.Setting},{window.AfterMeta.Setting}" });
        return window;
    }

    /// <summary>Drives the first attempt of <paramref name="segment"/> into the window and kills it there.</summary>
    public async Task<IdMapWindowHit> HitAsync(E2EEnvironment env, string segment)
    {
        ArgumentNullException.ThrowIfNull(env);
        var brPid = await BeforeIdMaps.WaitReachedAsync(TimeSpan.FromMinutes(3), () => env.DescribeAsync());
        var checkpointDirectory = CheckpointFiles.BrCheckpointDirectory(brPid);

        // What the next attempt must find to resume rather than start over: the snapshot's state file and BR's
        // checkpoint. Without them it would meet finding B (a non-fresh target), not E.
        var beforeIdMaps = await LedgerMatchesDiskAsync(env, checkpointDirectory);
        beforeIdMaps.Keys.Should().Contain(p => p.StartsWith("pitr_id_maps/", StringComparison.Ordinal), "the snapshot's state file is committed");
        beforeIdMaps.Keys.Should().Contain(p => p.StartsWith("checkpoints/", StringComparison.Ordinal), "BR's checkpoint is committed");

        var refuse = env.Cluster.Faults.FailNext("create", V1ConfigMap.KubePluralName, int.MaxValue, 500);
        int refused;
        try
        {
            BeforeIdMaps.Open();
            (await AfterMeta.WaitReachedAsync(E2EEnvironment.SegmentTimeout, () => env.DescribeAsync())).Should().Be(brPid, "the same BR run goes on");
            // The worker saw the id-map save and tried to commit it: the fault, not luck, keeps it out of the ledger.
            await Poll.UntilAsync(() => Refused(refuse) > 0, E2EEnvironment.SegmentTimeout, "the worker's sync of the id-map save to be refused");
            var ledger = await CheckpointFiles.InLedgerAsync(env.Client, E2EEnvironment.Namespace);
            var disk = CheckpointFiles.OnDisk(checkpointDirectory);
            CheckpointFiles.Same(ledger, beforeIdMaps).Should().BeTrue(
                "the ledger still holds the checkpoint from before the id-map save: {0}", CheckpointFiles.Describe(ledger));
            CheckpointFiles.Same(disk, ledger).Should().BeFalse(
                "BR's directory holds the id-map save the ledger lacks: {0}", CheckpointFiles.Describe(disk));

            var running = await env.GetRequiredAsync(segment);
            running.Status!.Phase.Should().Be(SegmentPhase.Running);
            var podName = running.Status.WorkerPod!;
            var pod = await env.Client.GetAsync<V1Pod>(podName, E2EEnvironment.Namespace);
            var pid = pod is null ? null : WorkerProcesses.RunningPid(pod);
            pid.Should().NotBeNull("the kubelet reports the running worker {0} as process://<pid>", podName);
            WorkerProcesses.KillTree(pid!.Value);
            await Poll.UntilAsync(() => !System.IO.Directory.Exists($"/proc/{brPid}"), E2EEnvironment.SegmentTimeout,
                "BR to die with the worker's process tree");
            refused = Refused(refuse);
            env.Output.WriteLine($"killed worker {podName} (pid {pid}) with BR {brPid} after the meta KVs; {refused} ledger writes refused; " +
                $"ledger: {CheckpointFiles.Describe(ledger)}; BR's directory: {CheckpointFiles.Describe(disk)}");
            return new IdMapWindowHit(podName, checkpointDirectory, refused);
        }
        finally
        {
            env.Cluster.Faults.Reset();
            AfterMeta.Open();
            BeforeIdMaps.Open();
        }
    }

    private static int Refused(FaultRule rule) => int.MaxValue - rule.Remaining;

    private static async Task<IReadOnlyDictionary<string, string>> LedgerMatchesDiskAsync(E2EEnvironment env, string directory)
    {
        IReadOnlyDictionary<string, string> ledger = new Dictionary<string, string>();
        await Poll.UntilAsync(
            async () => CheckpointFiles.Same(ledger = await CheckpointFiles.InLedgerAsync(env.Client, E2EEnvironment.Namespace), CheckpointFiles.OnDisk(directory)),
            E2EEnvironment.SegmentTimeout,
            "the ledger to hold BR's checkpoint as it is before the id-map save",
            () => Task.FromResult($"ledger: {CheckpointFiles.Describe(ledger)}\ndisk: {CheckpointFiles.Describe(CheckpointFiles.OnDisk(directory))}"));
        return ledger;
    }
}
