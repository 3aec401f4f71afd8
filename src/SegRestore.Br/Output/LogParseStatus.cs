namespace SegRestore.Br.Output;

/// <summary>Outcome of parsing text as a pingcap/log record.</summary>
public enum LogParseStatus
{
    /// <summary>A complete record.</summary>
    Record,

    /// <summary>Not a record (a progress bar, a plain line, garbage).</summary>
    NotARecord,

    /// <summary>A record whose quoted value or bracket is still open: the next line continues it.</summary>
    Incomplete,
}
