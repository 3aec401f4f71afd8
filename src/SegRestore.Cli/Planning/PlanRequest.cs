namespace SegRestore.Cli.Planning;

/// <summary>What `segrestore plan` is asked for, as typed by the user (parsed and checked by <see cref="ChainPlanner"/>).</summary>
public sealed record PlanRequest
{
    public required string Name { get; init; }

    public string Namespace { get; init; } = "default";

    public required string Pd { get; init; }

    public required string FullBackupUrl { get; init; }

    public string? FullBackupSecret { get; init; }

    public required string LogUrl { get; init; }

    public string? LogSecret { get; init; }

    /// <summary>Where the log restore starts (normally the full backup's time): the boundaries split (From, To].</summary>
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Exactly one of <see cref="Segments"/> and <see cref="Every"/>.</summary>
    public int? Segments { get; init; }

    /// <summary>A duration such as 6h, 90m, 1d12h.</summary>
    public string? Every { get; init; }

    public string? BrImage { get; init; }

    /// <summary>The log backup's window, MIN..MAX (TSOs or times with a zone), as `br log metadata` or a segment's
    /// status.logWindow shows it: the plan must lie inside it.</summary>
    public string? LogWindow { get; init; }

    /// <summary>Every segment after the first starts held (spec.hold: true), so a DBA releases each one.</summary>
    public bool HoldAfterFirst { get; init; }
}
