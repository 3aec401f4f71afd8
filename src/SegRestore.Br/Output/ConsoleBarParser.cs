using System.Text.RegularExpressions;

namespace SegRestore.Br.Output;

/// <summary>
/// The ingest-index repair's one-task console bar (vbauerster/mpb, br/pkg/glue/progressing.go): the title, then a
/// spinner `.`/`..`/`...` while it runs, `... DONE` or `ABORTED` at the end; a resumed run prints
/// `title ... SKIPPED DUE TO CHECKPOINT MODE`. mpb redraws with cursor-up and erase escapes, which are stripped first.
/// </summary>
public static partial class ConsoleBarParser
{
    public static bool TryParse(string line, out string title, out ConsoleBarState state)
    {
        title = string.Empty;
        state = ConsoleBarState.Running;
        var match = Bar().Match(TerminalProgressParser.StripAnsi(line ?? string.Empty));
        if (!match.Success)
        {
            return false;
        }

        title = match.Groups["title"].Value;
        state = match.Groups["done"].Success ? ConsoleBarState.Done
            : match.Groups["skipped"].Success ? ConsoleBarState.SkippedByCheckpoint
            : match.Groups["aborted"].Success ? ConsoleBarState.Aborted
            : ConsoleBarState.Running;
        return true;
    }

    [GeneratedRegex(@"^\s*(?<title>repair ingest index \S.* for table \S+?)\s*(?:(?<done>\.\.\.\s*DONE)|(?<skipped>\.\.\.\s*SKIPPED DUE TO CHECKPOINT MODE)|(?<aborted>ABORTED)|\.{1,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Bar();
}
