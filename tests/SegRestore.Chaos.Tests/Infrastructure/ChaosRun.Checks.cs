using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>Waiting for the chains and checking the invariants after the run.</summary>
public sealed partial class ChaosRun
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    private static bool IsFinalized(PointRestoreSegment s) =>
        s.Status?.Phase == SegmentPhase.Succeeded && SegmentReasons.Condition(s, ConditionTypes.ChainFinalized)?.Status == "True";

    /// <summary>Polls every segment until each chain is settled: its last segment finalized, or one of its segments
    /// Failed (a failed chain never finalizes; the invariant check reports it with the status's reason). The other
    /// chains keep running, so one run shows every chain's outcome.</summary>
    private async Task WaitAllSettledAsync(E2EEnvironment env, IReadOnlyList<List<PointRestoreSegment>> chains, ChaosMonkey monkey)
    {
        var deadline = _clock.Elapsed + FinalizeTimeout;
        var nextProgress = _clock.Elapsed + ProgressEvery;
        while (true)
        {
            IReadOnlyList<PointRestoreSegment> segments;
            try
            {
                segments = await env.SegmentsAsync();
            }
            catch (KubernetesApiException)
            {
                await Task.Delay(Poll.Interval);
                continue;
            }

            var byName = segments.ToDictionary(s => s.Metadata.Name!, StringComparer.Ordinal);
            var finalized = chains.Count(c => byName.TryGetValue(c[^1].Metadata.Name!, out var last) && IsFinalized(last));
            var failed = chains.Count(c => c.Any(p => byName.TryGetValue(p.Metadata.Name!, out var s) && s.Status?.Phase == SegmentPhase.Failed));
            if (finalized + failed >= chains.Count)
            {
                Log($"settled: {finalized}/{chains.Count} chains finalized, {failed} with a Failed segment");
                return;
            }

            if (_clock.Elapsed > nextProgress)
            {
                nextProgress = _clock.Elapsed + ProgressEvery;
                var phases = segments.GroupBy(s => s.Status?.Phase?.ToString() ?? "none").Select(g => $"{g.Key}={g.Count()}");
                Log($"progress: {finalized}/{chains.Count} chains finalized, {failed} failed; {string.Join(' ', phases)}; {monkey.Executed.Count} faults so far");
            }

            if (_clock.Elapsed > deadline)
            {
                throw new TimeoutException(
                    $"only {finalized} of {chains.Count} chains finalized ({failed} failed) within {FinalizeTimeout.TotalSeconds:0} s (replay: {Replay})\n{await env.DescribeAsync()}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void SummarizeFaults(E2EEnvironment env, IReadOnlyList<ExecutedFault> executed)
    {
        foreach (var kind in executed.GroupBy(f => f.Planned.Kind).OrderBy(g => g.Key))
        {
            Log($"faults {kind.Key}: {kind.Count(f => f.Applied)} applied, {kind.Count(f => !f.Applied)} skipped");
        }

        var fired = Path.Combine(env.World.Directory, "faults.json");
        Log($"BR faults that fired (world faults.json): {(File.Exists(fired) ? File.ReadAllText(fired).ReplaceLineEndings(" ") : "none")}");
    }

    private async Task<IReadOnlyList<string>> ChainViolationsAsync(E2EEnvironment env, IReadOnlyList<List<PointRestoreSegment>> chains)
    {
        var violations = new List<string>();
        foreach (var chain in chains)
        {
            var attempts = new List<string>();
            foreach (var planned in chain)
            {
                var s = await env.GetRequiredAsync(planned.Metadata.Name!);
                attempts.Add((s.Status?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture));
                if (s.Status?.Phase != SegmentPhase.Succeeded)
                {
                    violations.Add($"segment {s.Metadata.Name} ended {SegmentReasons.ReasonOf(s)} after {s.Status?.Attempts} attempt(s), not Succeeded: {s.Status?.Message}");
                }

                if (planned.Spec.Last && !IsFinalized(s))
                {
                    violations.Add($"chain of {s.Metadata.Name}: last segment without ChainFinalized=True");
                }
            }

            Log($"chain {chain[0].Metadata.Name![..^2]}: attempts per segment {string.Join(',', attempts)}");
        }

        return violations;
    }

    private IReadOnlyList<string> AuditViolations(E2EEnvironment env)
    {
        var entries = env.World.ReadAuditEntries();
        Log($"audit.log: {entries.Count} segment-restored lines for {_size.Chains * _size.Segments} segments " +
            $"({AuditInvariants.Refinished(entries)} of them finished a range again from a checkpoint that held every file, applied=0)");
        return AuditInvariants.Violations(entries, env.Pds.Select(E2EEnvironment.AddressOf).ToList(), env.World.Info.RestorePoints);
    }

    private async Task<IReadOnlyList<string>> VerifyViolationsAsync(E2EEnvironment env)
    {
        var violations = new List<string>();
        foreach (var pd in env.Pds.Select(E2EEnvironment.AddressOf))
        {
            var verify = await env.World.VerifyAsync(pd);
            if (verify.ExitCode != 0)
            {
                violations.Add($"br brsim verify --cluster {pd} failed: {verify.Describe()}");
            }
        }

        Log($"verify: {env.Pds.Count - violations.Count}/{env.Pds.Count} targets match the upstream");
        return violations;
    }

    /// <summary>Every worker pod's log (the worker's own lines and BR's output) next to the run log, for the
    /// analysis of a violation: the pods' directories go with the cluster.</summary>
    private async Task SaveWorkerLogsAsync(E2EEnvironment env)
    {
        var directory = Path.Combine(env.Directory, "worker-logs");
        Directory.CreateDirectory(directory);
        foreach (var pod in await env.AllPodsAsync())
        {
            var logs = await env.KubectlAsync("logs", pod.Metadata.Name!, "-c", "worker");
            await File.WriteAllTextAsync(Path.Combine(directory, pod.Metadata.Name + ".log"), logs.Stdout + logs.Stderr);
        }

        Log($"worker logs saved in {directory}");
    }
}
