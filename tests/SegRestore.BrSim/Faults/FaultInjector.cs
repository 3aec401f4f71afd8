using System.Globalization;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Faults;

/// <summary>
/// Faults chosen by environment: BRSIM_KILL_AT (exit 137), BRSIM_HANG_AT (wait until signalled), BRSIM_GATE_AT (wait until
/// a file exists), BRSIM_TRANSIENT_ERROR (a retryable `br failed`), BRSIM_KV_PER_SEC (a speed limit). Fire counts live in the world's faults.json so that a
/// retry of the same command gets past a fault that fired its number of times.
/// </summary>
public sealed class FaultInjector
{
    public const string TransientErrorText =
        "rpc error: code = Unavailable desc = error reading from server: EOF: [BR:KV:ErrKVStorage]tikv storage occur I/O error";

    private readonly SimWorld? _world;
    private readonly Action<int> _exit;
    private readonly FaultPoint? _kill;
    private readonly FaultPoint? _hang;
    private readonly FaultPoint? _transient;
    private readonly IReadOnlyList<FaultGate> _gates;
    private readonly double _kvPerSecond;

    public FaultInjector(Func<string, string?> environment, SimWorld? world, Action<int> exit)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _world = world;
        _exit = exit;
        _kill = FaultPoint.Parse(environment("BRSIM_KILL_AT"), "BRSIM_KILL_AT");
        _hang = FaultPoint.Parse(environment("BRSIM_HANG_AT"), "BRSIM_HANG_AT");
        _transient = FaultPoint.Parse(environment("BRSIM_TRANSIENT_ERROR"), "BRSIM_TRANSIENT_ERROR");
        _gates = FaultGate.ParseList(environment("BRSIM_GATE_AT"), "BRSIM_GATE_AT");
        var speed = environment("BRSIM_KV_PER_SEC");
        if (!string.IsNullOrEmpty(speed)
            && (!double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out _kvPerSecond) || _kvPerSecond <= 0))
        {
            throw new ArgumentException($"BRSIM_KV_PER_SEC='{speed}' is not a positive number of KVs per second");
        }
    }

    /// <summary>Called when a step reaches a percentage (after the work up to it is persisted).</summary>
    public async Task ReachedAsync(string step, double percent, CancellationToken cancellationToken)
    {
        var normalized = FaultPoint.NormalizeStep(step);
        if (Due(_kill, normalized, percent, "kill"))
        {
            _exit(137);
        }

        if (Due(_hang, normalized, percent, "hang"))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        foreach (var gate in _gates.Where(g => g.IsAt(normalized, percent)))
        {
            await gate.PassAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Due(_transient, normalized, percent, "transient"))
        {
            throw new BrErrorException(TransientErrorText);
        }
    }

    /// <summary>Waits as long as restoring this many KVs takes under the speed limit (no wait without one).</summary>
    public Task ThrottleAsync(long kvs, CancellationToken cancellationToken) =>
        _kvPerSecond > 0 && kvs > 0
            ? Task.Delay(TimeSpan.FromSeconds(kvs / _kvPerSecond), cancellationToken)
            : Task.CompletedTask;

    private bool Due(FaultPoint? point, string step, double percent, string kind)
    {
        if (point is null || point.Step != step || percent < point.Percent)
        {
            return false;
        }

        var counters = _world?.LoadFaultCounters() ?? [];
        var key = point.CounterKey(kind);
        var fired = counters.GetValueOrDefault(key);
        if (fired >= point.Times)
        {
            return false;
        }

        counters[key] = fired + 1;
        _world?.SaveFaultCounters(counters);
        return true;
    }
}
