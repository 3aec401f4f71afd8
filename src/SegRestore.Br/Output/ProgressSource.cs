namespace SegRestore.Br.Output;

/// <summary>Where a progress report came from: BR's log (`["progress"]`) or its terminal bar.</summary>
public enum ProgressSource
{
    Log,
    TerminalBar,
}
