using System.Globalization;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// One fault of the seeded schedule: what to break after <see cref="Delay"/>, with every random choice already made.
/// <see cref="Pick"/> chooses among what exists when the fault fires (e.g. the live worker pods, sorted by name).
/// </summary>
public sealed record PlannedFault
{
    public required int Number { get; init; }

    public required TimeSpan Delay { get; init; }

    public required FaultKind Kind { get; init; }

    public int Pick { get; init; }

    /// <summary>ApiFailure/ConfigMapConflict: create, update or patch.</summary>
    public string? Verb { get; init; }

    /// <summary>ApiFailure/ConfigMapConflict: the resource's plural.</summary>
    public string? Resource { get; init; }

    /// <summary>ApiFailure/ConfigMapConflict: how many requests fail; WatchGone: how many watches.</summary>
    public int Count { get; init; } = 1;

    public int StatusCode { get; init; }

    /// <summary>BrKill/BrTransientError: the simulator's step (full, meta, log).</summary>
    public string? BrStep { get; init; }

    public int BrPercent { get; init; }

    /// <summary>WatchGone: an ERROR event inside the stream rather than the HTTP status.</summary>
    public bool InStream { get; init; }

    /// <summary>OperatorKill/PostgresRestart: how long the process stays down.</summary>
    public TimeSpan Downtime { get; init; }

    public override string ToString()
    {
        var what = Kind switch
        {
            FaultKind.OperatorKill or FaultKind.PostgresRestart => $"down {Downtime.TotalMilliseconds:0} ms",
            FaultKind.WorkerKill => $"pick {Pick}",
            FaultKind.BrKill or FaultKind.BrTransientError => $"at {BrStep}:{BrPercent}",
            FaultKind.ApiFailure or FaultKind.ConfigMapConflict => $"{Verb} {Resource} x{Count} -> {StatusCode}",
            FaultKind.WatchGone => $"410 x{Count} {(InStream ? "in stream" : "as status")}",
            _ => "",
        };
        return string.Create(CultureInfo.InvariantCulture, $"#{Number} after {Delay.TotalMilliseconds:0} ms: {Kind} {what}");
    }
}
