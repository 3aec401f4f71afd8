using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// Carries out the seeded schedule against a running environment, one fault after another, until the schedule ends
/// or the run stops it. Every fault is logged (test output and <c>faults.log</c>) as it happens; a fault that finds
/// nothing to hit (no live worker) is logged as skipped. A fault the harness cannot carry out (the operator does not
/// come back) fails the run.
/// </summary>
public sealed class ChaosMonkey : IAsyncDisposable
{
    private const int OperatorStartTries = 3;
    private static readonly TimeSpan OperatorStartTimeout = TimeSpan.FromSeconds(60);

    private readonly E2EEnvironment _environment;
    private readonly PrivatePostgres? _postgres;
    private readonly IReadOnlyDictionary<string, string> _brBaseFaults;
    private readonly Action<string> _log;
    private readonly List<ExecutedFault> _executed = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock;
    private Task? _loop;

    public ChaosMonkey(
        E2EEnvironment environment, PrivatePostgres? postgres, IReadOnlyDictionary<string, string> brBaseFaults,
        Stopwatch clock, Action<string> log)
    {
        _environment = environment;
        _postgres = postgres;
        _brBaseFaults = brBaseFaults;
        _clock = clock;
        _log = log;
    }

    public IReadOnlyList<ExecutedFault> Executed
    {
        get
        {
            lock (_gate)
            {
                return _executed.ToList();
            }
        }
    }

    /// <summary>True once every planned fault was carried out (or skipped).</summary>
    public bool Finished => _loop is { IsCompleted: true };

    public void Start(IReadOnlyList<PlannedFault> plan) => _loop = Task.Run(() => RunAsync(plan, _stop.Token));

    /// <summary>Stops before the next fault (a fault in progress completes: the operator or PostgreSQL comes back
    /// up) and rethrows what made the harness fail.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // stopping is the point
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<PlannedFault> plan, CancellationToken cancellationToken)
    {
        foreach (var fault in plan)
        {
            await Task.Delay(fault.Delay, cancellationToken);
            var at = _clock.Elapsed;
            // Once begun, a fault runs to its end: an operator or a server left down would fail the run for the wrong reason.
            var (applied, outcome) = await ApplyAsync(fault);
            var executed = new ExecutedFault(fault, at, applied, outcome);
            lock (_gate)
            {
                _executed.Add(executed);
            }

            _log(executed.ToString());
        }
    }

    private async Task<(bool Applied, string Outcome)> ApplyAsync(PlannedFault fault)
    {
        var faults = _environment.Cluster.Faults;
        switch (fault.Kind)
        {
            case FaultKind.OperatorKill:
                var pid = _environment.Operator.Pid;
                _environment.KillOperator();
                await Task.Delay(fault.Downtime);
                await StartOperatorAsync();
                return (true, $"killed operator pid {pid}, restarted as pid {_environment.Operator.Pid}");
            case FaultKind.WorkerKill:
                return await KillWorkerAsync(fault.Pick);
            case FaultKind.BrKill:
                return PlantBrFault("BRSIM_KILL_AT", fault);
            case FaultKind.BrTransientError:
                return PlantBrFault("BRSIM_TRANSIENT_ERROR", fault);
            case FaultKind.ApiFailure:
            case FaultKind.ConfigMapConflict:
                faults.FailNext(fault.Verb, fault.Resource, fault.Count, fault.StatusCode);
                return (true, "armed");
            case FaultKind.WatchGone:
                faults.ForceGoneOnNextWatch(fault.InStream, fault.Count);
                return (true, "armed");
            case FaultKind.PostgresRestart when _postgres is not null:
                await _postgres.RestartAsync(fault.Downtime, CancellationToken.None);
                return (true, $"PostgreSQL on port {_postgres.Port} restarted");
            default:
                return (false, "not applicable to this run");
        }
    }

    private async Task StartOperatorAsync()
    {
        for (var tryNumber = 1; ; tryNumber++)
        {
            try
            {
                await _environment.Operator.StartAsync(OperatorStartTimeout);
                return;
            }
            catch (Exception e) when (tryNumber < OperatorStartTries && e is TimeoutException or InvalidOperationException)
            {
                _log($"operator restart try {tryNumber} failed ({e.GetType().Name}); killing it and trying again");
                _environment.KillOperator();
            }
        }
    }

    private async Task<(bool Applied, string Outcome)> KillWorkerAsync(int pick)
    {
        KubernetesList<V1Pod> pods;
        try
        {
            pods = await _environment.Client.ListAsync<V1Pod>(E2EEnvironment.Namespace);
        }
        catch (KubernetesApiException e)
        {
            return (false, $"listing pods failed ({e.Message})");
        }

        var live = pods.Items
            .Where(p => p.Metadata.Labels?.ContainsKey(SegRestoreLabels.SegmentUid) == true && WorkerProcesses.RunningPid(p) is not null)
            .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        if (live.Count == 0)
        {
            return (false, "no live worker pod");
        }

        var victim = live[pick % live.Count];
        var pid = WorkerProcesses.RunningPid(victim)!.Value;
        try
        {
            WorkerProcesses.KillTree(pid);
        }
        catch (ArgumentException)
        {
            return (false, $"pod {victim.Metadata.Name}'s pid {pid} had already exited");
        }

        return (true, $"SIGKILLed pod {victim.Metadata.Name} (pid {pid} and its children)");
    }

    private (bool Applied, string Outcome) PlantBrFault(string variable, PlannedFault fault)
    {
        // One BR fault at a time, on top of the run's speed limit; `:1` fires once in the world (faults.json counts).
        var value = string.Create(CultureInfo.InvariantCulture, $"{fault.BrStep}:{fault.BrPercent}:1");
        var variables = new Dictionary<string, string>(_brBaseFaults) { [variable] = value };
        _environment.World.SetFaults(variables);
        return (true, $"faults.env {variable}={value}");
    }
}
