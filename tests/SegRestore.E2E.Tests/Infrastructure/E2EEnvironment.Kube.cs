using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Kube.Client;
using SegRestore.LocalRun;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Client helpers: segments, pods, ConfigMaps, and the real kubectl.</summary>
public sealed partial class E2EEnvironment
{
    /// <summary>A segment run takes a few seconds; the deadline allows a loaded 2-core box plenty of slack.</summary>
    public static readonly TimeSpan SegmentTimeout = TimeSpan.FromSeconds(90);

    private static readonly JsonSerializerOptions StatusJson = SegRestoreJsonContext.Default.Options;

    /// <summary>Set by scenarios in which some segments fail or are invalid on purpose; otherwise any Failed or
    /// Invalid segment ends a wait at once.</summary>
    public bool ExpectsFailures { get; set; }

    public Task<PointRestoreSegment> CreateAsync(PointRestoreSegment segment) => Client.CreateAsync(segment);

    public Task<PointRestoreSegment?> GetAsync(string name) => Client.GetAsync<PointRestoreSegment>(name, Namespace);

    public async Task<PointRestoreSegment> GetRequiredAsync(string name) =>
        await GetAsync(name) ?? throw new InvalidOperationException($"segment {name} does not exist");

    public Task<PointRestoreSegment> PatchSpecAsync(string name, JsonObject spec) =>
        Client.PatchAsync<PointRestoreSegment>(name, Namespace, Patches.Merge(new JsonObject { ["spec"] = spec }));

    public Task<PointRestoreSegment> SetHoldAsync(string name, bool hold) =>
        PatchSpecAsync(name, new JsonObject { ["hold"] = hold });

    public Task<PointRestoreSegment> AnnotateAsync(string name, string key, string value) =>
        Client.PatchAsync<PointRestoreSegment>(name, Namespace, Patches.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } },
        }));

    /// <summary>Polls the segment until <paramref name="predicate"/> holds; a timeout shows the last status and
    /// the operator's log tail.</summary>
    public async Task<PointRestoreSegment> WaitForAsync(
        string name, Func<PointRestoreSegment, bool> predicate, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        PointRestoreSegment? last = null;
        await Poll.UntilAsync(
            async () =>
            {
                last = await GetAsync(name);
                if (last is not null && predicate(last))
                {
                    return true;
                }

                // Failed and Invalid do not change by themselves: report at once instead of at the deadline, also
                // when another segment of a scenario that expects none fails (its successors would wait forever).
                if (last?.Status?.Phase is SegmentPhase.Failed or SegmentPhase.Invalid)
                {
                    throw new InvalidOperationException(
                        $"segment {name} became {SegmentReasons.ReasonOf(last)} while waiting for {what}\n{await DescribeAsync(last)}");
                }

                // The awaited segment itself is judged by the predicate on the next poll: the list may already show
                // the state the GET above missed (e.g. the very Failed phase a test waits for).
                if (!ExpectsFailures && (await SegmentsAsync()).FirstOrDefault(s => s.Metadata.Name != name && s.Status?.Phase is SegmentPhase.Failed or SegmentPhase.Invalid) is { } failed)
                {
                    throw new InvalidOperationException(
                        $"segment {failed.Metadata.Name} became {SegmentReasons.ReasonOf(failed)} while waiting for {name}: {what}\n{await DescribeAsync(failed)}");
                }

                return false;
            },
            timeout ?? SegmentTimeout,
            $"segment {name}: {what}",
            () => DescribeAsync(last));
        return last!;
    }

    public Task<PointRestoreSegment> WaitForPhaseAsync(string name, SegmentPhase phase, TimeSpan? timeout = null) =>
        WaitForAsync(name, s => s.Status?.Phase == phase, $"phase {phase}", timeout);

    public Task<PointRestoreSegment> WaitForReasonAsync(string name, SegmentPhase phase, string reason, TimeSpan? timeout = null) =>
        WaitForAsync(name, s => SegmentReasons.ReasonOf(s) is var r && r.Phase == phase && r.Reason == reason,
            $"phase {phase} with reason {reason}", timeout);

    /// <summary>The Events of reason <paramref name="reason"/> about segment <paramref name="segment"/>, once at least one
    /// arrived (the Event follows the status write); a test then asserts how many.</summary>
    public async Task<IReadOnlyList<Corev1Event>> SegmentEventsAsync(string segment, string reason)
    {
        async Task<List<Corev1Event>> ListAsync() => [.. (await Client.ListAsync<Corev1Event>(Namespace)).Items
            .Where(e => e.InvolvedObject.Name == segment && e.Reason == reason)];
        await Poll.UntilAsync(async () => (await ListAsync()).Count > 0, TimeSpan.FromSeconds(10), $"an Event {reason} on {segment}");
        return await ListAsync();
    }

    /// <summary>The worker pods of one segment (by the segment-uid label).</summary>
    public async Task<IReadOnlyList<V1Pod>> PodsOfAsync(PointRestoreSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var list = await Client.ListAsync<V1Pod>(Namespace, new ListOptions
        {
            LabelSelector = $"{SegRestoreLabels.SegmentUid}={segment.Metadata.Uid}",
        });
        return list.Items.ToList();
    }

    public async Task<IReadOnlyList<V1Pod>> AllPodsAsync() => (await Client.ListAsync<V1Pod>(Namespace)).Items.ToList();

    public Task<V1ConfigMap?> ConfigMapAsync(string name) => Client.GetAsync<V1ConfigMap>(name, Namespace);

    public async Task<IReadOnlyList<PointRestoreSegment>> SegmentsAsync() =>
        (await Client.ListAsync<PointRestoreSegment>(Namespace)).Items.ToList();

    public Task<ChildProcessResult> KubectlAsync(params string[] arguments) =>
        ChildProcess.RunAsync("kubectl", ["--kubeconfig", KubeconfigPath, .. arguments], timeout: TimeSpan.FromSeconds(60));

    /// <summary><c>kubectl apply -f</c> of YAML text (written to a file in the test's directory).</summary>
    public async Task<ChildProcessResult> KubectlApplyAsync(string yaml, string fileName, params string[] flags)
    {
        var path = Path.Combine(Directory, "applied", fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, yaml);
        return await KubectlAsync(["apply", "-f", path, .. flags]);
    }

    /// <summary>Every segment's phase/reason/attempts, and the operator's log tail: what a failing test shows.</summary>
    public async Task<string> DescribeAsync(PointRestoreSegment? focus = null)
    {
        var lines = new List<string>();
        if (focus is not null)
        {
            lines.Add($"last seen {focus.Metadata.Name}: " +
                JsonSerializer.Serialize(focus.Status, StatusJson));
        }

        try
        {
            foreach (var s in await SegmentsAsync())
            {
                lines.Add($"  {s.Metadata.Name}: {SegmentReasons.ReasonOf(s)} attempts={s.Status?.Attempts} pod={s.Status?.WorkerPod}");
            }

            foreach (var p in await AllPodsAsync())
            {
                var worker = p.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == "worker")?.State?.Terminated;
                lines.Add($"  pod {p.Metadata.Name}: {p.Status?.Phase}" +
                    (worker is null ? "" : $" exit {worker.ExitCode}: {worker.Message}"));
            }
        }
        catch (KubernetesApiException e)
        {
            lines.Add("  (listing failed: " + e.Message + ")");
        }

        lines.Add("operator log tail:");
        lines.Add(Operator.LogTail());
        return string.Join('\n', lines);
    }
}
