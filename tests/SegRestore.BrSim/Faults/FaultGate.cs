using System.Globalization;

namespace SegRestore.BrSim.Faults;

/// <summary>
/// A point where BR stops until a test opens it: `step:percent:file` (BRSIM_GATE_AT, several separated by commas).
/// When BR reaches the point and <see cref="File"/> does not exist, it writes <see cref="ReachedFile"/> and waits
/// until <see cref="File"/> exists (or it is signalled or killed). A gate whose file exists is open: every later
/// reach, in this run or another, passes. So a test can stop BR exactly between two of its writes, act, and go on.
/// </summary>
public sealed record FaultGate(string Step, double Percent, string File)
{
    public const string ReachedSuffix = ".reached";

    /// <summary>How often a closed gate looks for its file.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Written (renamed into place) when BR stops at the closed gate: the test's sign that BR is there and waiting.</summary>
    public string ReachedFile => File + ReachedSuffix;

    /// <summary>Parses `step:percent:file[,step:percent:file...]` (the file is everything after the second colon).</summary>
    public static IReadOnlyList<FaultGate> ParseList(string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => Parse(entry, variable, text))
            .ToList();
    }

    private static FaultGate Parse(string entry, string variable, string whole)
    {
        var parts = entry.Split(':', 3);
        if (parts.Length != 3
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            || percent is < 0 or > 100
            || parts[2].Trim().Length == 0)
        {
            throw new ArgumentException(
                $"{variable}='{whole}': '{entry}' is not <step>:<percent>:<file> (step full|idmap-build|idmap|meta|log|repair, " +
                "percent 0-100, file an absolute path that opens the gate when created), e.g. meta:30:/tmp/gate-meta");
        }

        return new FaultGate(FaultPoint.NormalizeStep(parts[0]), percent, parts[2].Trim());
    }

    public bool IsAt(string normalizedStep, double percent) => Step == normalizedStep && percent >= Percent;

    /// <summary>Returns at once when the gate is open; otherwise announces the stop and waits for the file.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        if (System.IO.File.Exists(File))
        {
            return;
        }

        var temp = ReachedFile + ".tmp";
        await System.IO.File.WriteAllTextAsync(temp,
            string.Create(CultureInfo.InvariantCulture, $"{Step}:{Percent} pid {Environment.ProcessId}\n"),
            cancellationToken).ConfigureAwait(false);
        System.IO.File.Move(temp, ReachedFile, overwrite: true);

        while (!System.IO.File.Exists(File))
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
