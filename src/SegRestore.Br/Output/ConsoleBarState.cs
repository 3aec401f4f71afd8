namespace SegRestore.Br.Output;

/// <summary>What a one-task console bar (mpb) line says about its task.</summary>
public enum ConsoleBarState
{
    /// <summary>The spinner (`.`, `..`, `...`) while the task runs.</summary>
    Running,

    /// <summary>`... DONE`.</summary>
    Done,

    /// <summary>`ABORTED`: the task failed or was cancelled.</summary>
    Aborted,

    /// <summary>` ... SKIPPED DUE TO CHECKPOINT MODE`: a resumed run found the work done.</summary>
    SkippedByCheckpoint,
}
