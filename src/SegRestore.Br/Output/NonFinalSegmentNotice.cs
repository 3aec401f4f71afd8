namespace SegRestore.Br.Output;

/// <summary>The informational lines V1 (`--last`) prints about a non-final segment.</summary>
public enum NonFinalSegmentNotice
{
    /// <summary>`restore-ts is before log max and --last not specified; treating as non-final segment`.</summary>
    TreatedAsNonFinal,

    /// <summary>`skip repairing ingest index until last segment`.</summary>
    IngestRepairSkipped,

    /// <summary>`skip restoring TiFlash Replica until last segment`.</summary>
    TiFlashResetSkipped,
}
