using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>The process kubelet (item 14) of the single node: binds unscheduled pods to itself, runs each pod with
/// a <see cref="PodWorker"/>, finishes graceful deletions (SIGTERM, grace period, SIGKILL, then the final delete)
/// and serves container logs.</summary>
public sealed class ProcessKubelet : IPodLogs, IAsyncDisposable
{
    private readonly ObjectService _objects;
    private readonly KubeletOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessKubelet> _logger;
    private readonly ConcurrentDictionary<string, (PodWorker Worker, Task Run)> _workers = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly PodScheduler _scheduler;

    public ProcessKubelet(ObjectService objects, KubeletOptions options, TimeProvider time, ILogger<ProcessKubelet> logger)
    {
        _objects = objects;
        _options = options;
        _time = time;
        _logger = logger;
        _root = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"segrestore-localcluster-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_root);
        _scheduler = new PodScheduler(objects, options.NodeName, time);
    }

    public string ClaimDirectory(string ns, string claimName) => ClaimVolumes.Directory(_root, ns, claimName);

    /// <summary>Reacts to a committed pod change; <paramref name="obj"/> is null for a deletion.</summary>
    public void Observe(StoredObject? obj, WatchEvent? change = null)
    {
        if ((obj ?? change?.Current) is { } claim && claim.Key.Resource == BuiltInResources.PersistentVolumeClaims.Id)
        {
            ObserveClaim(claim, removed: obj is null);
            return;
        }

        if (change is { Type: WatchEventType.Deleted } && change.Current.Key.Resource == BuiltInResources.Pods.Id)
        {
            Forget(change.Current);
            return;
        }

        if (obj is null || obj.Key.Resource != BuiltInResources.Pods.Id)
        {
            return;
        }

        var pod = obj.ToJson();
        var uid = obj.Uid;
        var nodeName = ServerFields.Str(pod["spec"]?["nodeName"]);
        if (nodeName is null && !obj.Deleting)
        {
            _scheduler.Schedule(obj);
            return;
        }

        if (nodeName != _options.NodeName)
        {
            return;
        }

        var running = _workers.TryGetValue(uid, out var entry);
        if (obj.Deleting)
        {
            var grace = pod["metadata"]?["deletionGracePeriodSeconds"]?.GetValue<long>() ?? 0;
            if (running && !entry.Run.IsCompleted)
            {
                entry.Worker.Terminate(TimeSpan.FromSeconds(grace));
            }
            else if (grace > 0)
            {
                FinishDeletion(obj.Key.Namespace, obj.Key.Name, uid);
            }

            return;
        }

        var phase = ServerFields.Str(pod["status"]?["phase"]);
        if (!running && (phase == "Running" || (phase == "Pending" && pod["status"]?["containerStatuses"] is not null)))
        {
            // Started by an earlier LocalCluster process (SQLite state): its processes are gone, as after a node
            // reboot, and restartPolicy Never means the pod fails.
            _objects.Mutate(BuiltInResources.Pods, obj.Key.Namespace, obj.Key.Name, statusWrite: true, p =>
            {
                var status = (JsonObject)p["status"]!;
                status["phase"] = "Failed";
                status["reason"] = "NodeRestarted";
                status["message"] = "LocalCluster restarted while the pod was running; its processes are gone";
            });
            return;
        }

        if (!running && phase == "Pending" && pod["status"]?["containerStatuses"] is null)
        {
            var worker = new PodWorker(_objects, _options, _time, _logger, pod, _root, Path.Combine(_root, $"{obj.Key.Namespace}_{obj.Key.Name}_{uid[..8]}"));
            var run = Task.Run(() => RunAsync(worker, obj.Key.Namespace, obj.Key.Name, uid));
            _workers[uid] = (worker, run);
        }
    }

    /// <summary>A claim that appeared or changed may let waiting pods be scheduled; a claim that is gone (after
    /// pvc-protection let it go) takes its data with it.</summary>
    private void ObserveClaim(StoredObject claim, bool removed)
    {
        _scheduler.RetryUnscheduled(claim.Key.Namespace);
        if (!removed)
        {
            return;
        }

        var directory = ClaimDirectory(claim.Key.Namespace, claim.Key.Name);
        if (Directory.Exists(directory))
        {
            TryDelete(directory);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Removed the data of claim {Namespace}/{Claim}", claim.Key.Namespace, claim.Key.Name);
            }
        }
    }

    public async Task WriteAsync(HttpContext context, string ns, string pod, string? container, bool follow)
    {
        var podObject = _objects.Get(BuiltInResources.Pods, ns, pod);
        var names = (podObject["spec"]?["containers"] as JsonArray ?? []).Concat(podObject["spec"]?["initContainers"] as JsonArray ?? [])
            .Select(c => ServerFields.Str(c?["name"])).OfType<string>().ToList();
        var mainCount = (podObject["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        if (container is null)
        {
            container = mainCount == 1 ? names[0]
                : throw StatusErrors.BadRequest($"a container name must be specified for pod {pod}, choose one of: [{string.Join(" ", names)}]");
        }
        else if (!names.Contains(container))
        {
            throw StatusErrors.BadRequest($"container {container} is not valid for pod {pod}");
        }

        var uid = ServerFields.Str(podObject["metadata"]?["uid"]) ?? "";
        if (!_workers.TryGetValue(uid, out var entry))
        {
            throw StatusErrors.BadRequest($"container \"{container}\" in pod \"{pod}\" is waiting to start: ContainerCreating");
        }

        var path = Path.Combine(entry.Worker.Directory, "logs", container + ".log");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        long offset = 0;
        do
        {
            var finished = entry.Worker.ContainerFinished(container) || entry.Run.IsCompleted;
            offset = await CopyFromAsync(path, offset, context).ConfigureAwait(false);
            if (!follow || finished)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, context.RequestAborted).ConfigureAwait(false);
        }
        while (!context.RequestAborted.IsCancellationRequested);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (worker, _) in _workers.Values)
        {
            worker.Shutdown();
        }

        try
        {
            await Task.WhenAll(_workers.Values.Select(w => w.Run)).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Some pod workers did not stop in time");
        }

        foreach (var (worker, _) in _workers.Values)
        {
            worker.Dispose();
            ArchiveLogs(worker.Directory);
        }

        TryDelete(_root);
    }

    private async Task RunAsync(PodWorker worker, string ns, string name, string uid)
    {
        try
        {
            await worker.RunAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _logger.LogError(e, "Pod {Namespace}/{Pod} failed to run", ns, name);
        }

        if (_objects.TryGet(BuiltInResources.Pods, ns, name) is { } pod && pod["metadata"]?["deletionTimestamp"] is not null)
        {
            FinishDeletion(ns, name, uid);
        }
    }

    private void FinishDeletion(string ns, string name, string uid)
    {
        try
        {
            _objects.Delete(BuiltInResources.Pods, ns, name, new DeleteOptions { GracePeriodSeconds = 0, PreconditionUid = uid });
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone already, or a new pod took the name.
        }
    }

    private void Forget(StoredObject pod)
    {
        if (_workers.TryRemove(pod.Uid, out var entry))
        {
            entry.Worker.Terminate(TimeSpan.Zero);
            _ = entry.Run.ContinueWith(_ =>
            {
                entry.Worker.Dispose();
                ArchiveLogs(entry.Worker.Directory);
                TryDelete(entry.Worker.Directory);
            }, TaskScheduler.Default);
        }
    }

    private static async Task<long> CopyFromAsync(string path, long offset, HttpContext context)
    {
        if (!File.Exists(path))
        {
            return offset;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        await using (stream.ConfigureAwait(false))
        {
            stream.Seek(offset, SeekOrigin.Begin);
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            return stream.Position;
        }
    }

    private void ArchiveLogs(string podDirectory)
    {
        var logs = Path.Combine(podDirectory, "logs");
        if (_options.LogArchiveDirectory is not { } archive || !Directory.Exists(logs))
        {
            return;
        }

        try
        {
            var target = Path.Combine(archive, Path.GetFileName(podDirectory));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(logs))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Could not archive the logs of {PodDirectory}", podDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover temp files are harmless.
        }
    }

}
