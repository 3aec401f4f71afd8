using System.Globalization;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The test's side of one BrSim gate (<c>BRSIM_GATE_AT=&lt;step&gt;:&lt;percent&gt;:&lt;file&gt;</c>): BR writes
/// <c>&lt;file&gt;.reached</c> ("step:percent pid N") when it stops there and goes on once <c>&lt;file&gt;</c> exists.
/// </summary>
public sealed record BrGate(string Step, double Percent, string File)
{
    public string ReachedFile => File + ".reached";

    /// <summary>This gate's entry of BRSIM_GATE_AT.</summary>
    public string Setting => string.Create(CultureInfo.InvariantCulture, $"{Step}:{Percent}:{File}");

    /// <summary>Waits until BR stops at the gate; returns the pid of the BR process that waits there.</summary>
    public async Task<int> WaitReachedAsync(TimeSpan timeout, Func<Task<string>>? describe = null)
    {
        await Poll.UntilAsync(() => System.IO.File.Exists(ReachedFile), timeout, $"BR to stop at the gate {Step}:{Percent}", describe);
        var text = (await System.IO.File.ReadAllTextAsync(ReachedFile)).Trim();
        return int.Parse(text[(text.LastIndexOf(' ') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Lets BR go on; the gate stays open for every later BR run.</summary>
    public void Open() => System.IO.File.WriteAllText(File, "");
}
