namespace SegRestore.Br.Output;

/// <summary>
/// Where a progress report came from: BR's log (`[progress]`), its terminal bar (cheggaaa/pb on stderr), or the
/// one-task console bar (vbauerster/mpb on stdout) that BR draws for the ingest-index repair when stdout is a terminal.
/// </summary>
public enum ProgressSource
{
    Log,
    TerminalBar,
    ConsoleBar,
}
