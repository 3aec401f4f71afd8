using SegRestore.Br;
using SegRestore.BrSim.Faults;

namespace SegRestore.BrSim.Logging;

/// <summary>
/// BR's one-task console bar (br/pkg/glue/progressing.go, vbauerster/mpb with NopStyle) on stdout when it is a
/// terminal: the title with a spinner `.`, `..`, `...`, each frame erasing the one before (cursor up, erase below),
/// and `... DONE` (green) or `ABORTED` (red) at the end. No `[progress]` log line is written on this path.
/// </summary>
public sealed class ConsoleTaskBar(BrLog log, FaultInjector faults, string title)
{
    private const string EraseFrame = "\u001b[1A\u001b[J";
    private static readonly string[] Spinner = [".", "..", "..."];
    private int _frames;

    public async Task SpinAsync(CancellationToken cancellationToken)
    {
        Frame(Spinner[_frames % Spinner.Length]);
        await faults.ReachedAsync(title, 0, cancellationToken).ConfigureAwait(false);
    }

    public async Task DoneAsync(CancellationToken cancellationToken)
    {
        Frame("... \u001b[32m" + BrMessages.ConsoleBarDone + "\u001b[0m");
        await faults.ReachedAsync(title, 100, cancellationToken).ConfigureAwait(false);
    }

    public void Abort() => Frame("\u001b[31m" + BrMessages.ConsoleBarAborted + "\u001b[0m");

    private void Frame(string decoration)
    {
        log.ConsoleRaw((_frames++ == 0 ? "" : EraseFrame) + title + decoration + "\n");
    }
}
