using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Runs one pod: volumes, init containers one by one, then all containers, reporting container states,
/// phase and conditions to the pod status; on termination SIGTERM, then SIGKILL after the grace period.</summary>
public sealed class PodWorker(ObjectService objects, KubeletOptions options, TimeProvider time, ILogger logger, JsonObject pod, string kubeletRoot, string directory)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ContainerProcess> _running = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly JsonArray _initStatuses = [];
    private readonly JsonArray _statuses = [];
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private bool _terminating;

    private string Namespace => ServerFields.Str(pod["metadata"]?["namespace"]) ?? "";
    private string Name => ServerFields.Str(pod["metadata"]?["name"]) ?? "";

    public string Directory => directory;

    public bool ContainerFinished(string container)
    {
        lock (_gate)
        {
            return _finished.Contains(container);
        }
    }

    /// <summary>SIGTERM to every running process, SIGKILL to those left after the grace period.</summary>
    public void Terminate(TimeSpan grace)
    {
        List<ContainerProcess> running;
        lock (_gate)
        {
            if (_terminating)
            {
                return;
            }

            _terminating = true;
            running = [.. _running];
        }

        foreach (var process in running)
        {
            process.Terminate();
        }

        _ = KillAfterAsync(running, grace);
    }

    /// <summary>Kills everything now: the server is stopping.</summary>
    public void Shutdown()
    {
        _shutdown.Cancel();
        KillAll();
    }

    public void Dispose() => _shutdown.Dispose();

    private void KillAll()
    {
        lock (_gate)
        {
            _terminating = true;
            foreach (var process in _running)
            {
                process.Kill();
            }
        }
    }

    public async Task RunAsync()
    {
        var spec = (JsonObject)pod["spec"]!;
        var initContainers = (spec["initContainers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var containers = (spec["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var c in initContainers)
        {
            _initStatuses.Add(PodStatusRules.Waiting(Str(c, "name"), Str(c, "image"), "PodInitializing"));
        }

        foreach (var c in containers)
        {
            _statuses.Add(PodStatusRules.Waiting(Str(c, "name"), Str(c, "image"), initContainers.Count > 0 ? "PodInitializing" : "ContainerCreating"));
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, "logs"));
        var (volumes, volumeError) = PodVolumes.Prepare(pod, directory, kubeletRoot, Lookup);
        if (volumeError is not null)
        {
            logger.LogWarning("Pod {Namespace}/{Pod} cannot start: {Error}", Namespace, Name, volumeError);
            SetWaiting(_statuses, "ContainerCreating", volumeError);
            Publish("Pending", initialized: false, ready: false);
            return;
        }

        Publish("Pending", initialized: initContainers.Count == 0, ready: false);
        for (var i = 0; i < initContainers.Count; i++)
        {
            var exit = await RunContainerAsync(initContainers[i], _initStatuses, i, volumes, init: true).ConfigureAwait(false);
            if (exit is null)
            {
                // Waiting (an image it cannot pull, a missing Secret): a kubelet keeps the pod Pending and retries.
                SetWaiting(_statuses, "PodInitializing", null);
                return;
            }

            if (exit != 0)
            {
                SetWaiting(_statuses, "PodInitializing", null);
                Publish("Failed", initialized: false, ready: false);
                return;
            }
        }

        var runs = containers.Select((c, i) => RunContainerAsync(c, _statuses, i, volumes, init: false)).ToList();
        var exits = await Task.WhenAll(runs).ConfigureAwait(false);
        Publish(PodStatusRules.Phase([.. exits.Select(e => (int?)e)], true), initialized: true, ready: false);
    }

    private async Task<int?> RunContainerAsync(JsonObject container, JsonArray statuses, int index, Dictionary<string, string> volumes, bool init)
    {
        var name = Str(container, "name");
        var image = Str(container, "image");
        var imageCommand = options.Images.FirstOrDefault(i => i.Matches(image));
        var termination = Path.Combine(directory, "termination", name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(termination)!);
        File.WriteAllText(termination, "");
        var mounts = new Dictionary<string, string>(imageCommand?.Paths ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [Str(container, "terminationMessagePath", "/dev/termination-log")] = termination,
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = options.Path,
            ["HOME"] = Path.Combine(directory, "home"),
            ["HOSTNAME"] = Name,
        };
        foreach (var mount in (container["volumeMounts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (volumes.TryGetValue(Str(mount, "name"), out var local))
            {
                var target = Path.Combine(local, Str(mount, "subPath"));
                System.IO.Directory.CreateDirectory(target);
                mounts[Str(mount, "mountPath")] = target;
                environment["SEGRESTORE_MOUNT_" + EnvName(Str(mount, "name"))] = target;
            }
        }

        if (options.MissingImages.Contains(image, StringComparer.Ordinal))
        {
            // The kubelet's first pull fails (ErrImagePull) and later ones back off; both clear only if the image appears.
            statuses[index] = PodStatusRules.Waiting(name, image, "ImagePullBackOff",
                $"Back-off pulling image \"{image}\": ErrImagePull: failed to pull and unpack image \"{image}\": not found");
            Publish("Pending", initialized: !init, ready: false);
            return null;
        }

        var paths = new PathMapping(mounts);
        var (variables, envError) = new EnvironmentResolver(pod, Lookup).Resolve(container);
        var commandLine = ContainerProcess.CommandLine(container, imageCommand, paths);
        var error = envError ?? (commandLine is null ? $"no local command configured for image \"{image}\" and the container has no command" : null);
        if (error is not null)
        {
            statuses[index] = PodStatusRules.Waiting(name, image, envError is null ? "ErrImageNeverPull" : "CreateContainerConfigError", error);
            Publish("Pending", initialized: !init, ready: false);
            return null;
        }

        foreach (var (key, value) in variables)
        {
            environment[key] = paths.Map(value);
        }

        var workingDirectory = container["workingDir"] is { } dir ? paths.Map(dir.ToString()) : Path.Combine(directory, "work");
        System.IO.Directory.CreateDirectory(workingDirectory);
        System.IO.Directory.CreateDirectory(environment["HOME"]);
        var startedAt = Now();
        ContainerProcess process;
        lock (_gate)
        {
            if (_terminating)
            {
                return null;
            }

            process = ContainerProcess.Start(commandLine!.Value.Program, commandLine.Value.Arguments, environment, workingDirectory,
                Path.Combine(directory, "logs", name + ".log"));
            _running.Add(process);
        }

        using (process)
        {
            statuses[index] = PodStatusRules.Running(name, image, process.ProcessId, startedAt, ready: !init);
            Publish(init ? "Pending" : "Running", initialized: !init, ready: !init && AllRunning());
            var exitCode = await process.WaitAsync(_shutdown.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _running.Remove(process);
                _finished.Add(name);
            }

            var message = TerminationMessage(container, termination, exitCode, name);
            statuses[index] = PodStatusRules.Terminated(name, image, process.ProcessId, exitCode, message, startedAt, Now());
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Container {Container} of pod {Namespace}/{Pod} exited with {ExitCode}", name, Namespace, Name, exitCode);
            }
            if (!init)
            {
                Publish("Running", initialized: true, ready: false);
            }

            return exitCode;
        }
    }

    private string? TerminationMessage(JsonObject container, string file, int exitCode, string name)
    {
        var message = File.Exists(file) ? ReadTail(file, 4096) : "";
        if (message.Length == 0 && exitCode != 0 && Str(container, "terminationMessagePolicy") == "FallbackToLogsOnError")
        {
            var lines = File.ReadAllLines(Path.Combine(directory, "logs", name + ".log"));
            message = ReadTailText(string.Join('\n', lines.TakeLast(80)), 2048);
        }

        return message.Length == 0 ? null : message;
    }

    private static string ReadTail(string file, int limit) => ReadTailText(File.ReadAllText(file, Encoding.UTF8), limit);

    private static string ReadTailText(string text, int limit) => text.Length <= limit ? text : text[^limit..];

    private bool AllRunning() => _statuses.OfType<JsonObject>().All(s => s["state"]?["running"] is not null);

    private static void SetWaiting(JsonArray statuses, string reason, string? message)
    {
        for (var i = 0; i < statuses.Count; i++)
        {
            if (statuses[i]?["state"]?["waiting"] is not null)
            {
                statuses[i] = PodStatusRules.Waiting(Str((JsonObject)statuses[i]!, "name"), Str((JsonObject)statuses[i]!, "image"), reason, message);
            }
        }
    }

    private void Publish(string phase, bool initialized, bool ready)
    {
        var now = Now();
        objects.Mutate(BuiltInResources.Pods, Namespace, Name, statusWrite: true, current =>
        {
            var previous = current["status"] as JsonObject;
            var terminal = ServerFields.Str(previous?["phase"]) is "Succeeded" or "Failed";
            current["status"] = new JsonObject
            {
                ["phase"] = terminal ? previous!["phase"]!.DeepClone() : phase,
                ["conditions"] = PodStatusRules.Conditions(now, previous?["conditions"] as JsonArray, initialized, ready,
                    phase is "Succeeded" or "Failed" ? "PodCompleted" : "ContainersNotReady"),
                ["hostIP"] = "127.0.0.1",
                ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }),
                ["podIP"] = "127.0.0.1",
                ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = "127.0.0.1" }),
                ["startTime"] = previous?["startTime"]?.DeepClone() ?? now,
                ["qosClass"] = "BestEffort",
                ["initContainerStatuses"] = _initStatuses.Count > 0 ? _initStatuses.DeepClone() : null,
                ["containerStatuses"] = _statuses.DeepClone(),
            };
            if (_initStatuses.Count == 0)
            {
                ((JsonObject)current["status"]!).Remove("initContainerStatuses");
            }
        });
    }

    private JsonObject? Lookup(string kind, string name) => objects.TryGet(PodVolumes.SourceResource(kind), Namespace, name);

    private async Task KillAfterAsync(List<ContainerProcess> running, TimeSpan grace)
    {
        try
        {
            await Task.Delay(grace, time, _shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown kills everything anyway.
        }

        foreach (var process in running.Where(p => !p.HasExited))
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Grace period over for pod {Namespace}/{Pod}: SIGKILL", Namespace, Name);
            }
            process.Kill();
        }
    }

    private string Now() => ServerFields.Timestamp(time.GetUtcNow());

    private static string Str(JsonObject obj, string field, string fallback = "") => ServerFields.Str(obj[field]) ?? fallback;

    private static string EnvName(string name) =>
        new([.. name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Namespace}/{Name}");
}
