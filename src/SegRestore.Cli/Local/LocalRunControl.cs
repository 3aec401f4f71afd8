using System.Diagnostics;
using System.Globalization;

namespace SegRestore.Cli.Local;

/// <summary>
/// How `segrestore local restart-operator` talks to the `local run` of the same --dir: through files, so it needs
/// no port and works from any terminal. `local run` writes its pid to <c>local-run.pid</c>; a restart request is
/// <c>control/restart-operator.request</c> holding a fresh token; `local run` takes it within a second, restarts
/// the operator and writes <c>control/restart-operator.answer</c> (see <see cref="LocalRunControlAnswer"/>).
/// </summary>
public sealed class LocalRunControl(string directory)
{
    public string PidFile => Path.Combine(directory, "local-run.pid");

    public string RequestFile => Path.Combine(directory, "control", "restart-operator.request");

    public string AnswerFile => Path.Combine(directory, "control", "restart-operator.answer");

    /// <summary>Marks this process as the `local run` of the directory (and drops a request left by an earlier one).</summary>
    public void Announce()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RequestFile)!);
        File.Delete(RequestFile);
        WriteAtomically(PidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    public void Withdraw() => File.Delete(PidFile);

    /// <summary>The pid of the live `local run` of the directory, or null (no pid file, or its process is gone).</summary>
    public int? RunningPid()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : pid;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Asks for a restart; returns the token its answer carries.</summary>
    public string Request()
    {
        var token = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.GetDirectoryName(RequestFile)!);
        WriteAtomically(RequestFile, token);
        return token;
    }

    /// <summary>The token of a pending request (removing it), or null.</summary>
    public string? TakeRequest()
    {
        if (!File.Exists(RequestFile))
        {
            return null;
        }

        var token = File.ReadAllText(RequestFile).Trim();
        File.Delete(RequestFile);
        return token.Length == 0 ? null : token;
    }

    public void Answer(LocalRunControlAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        WriteAtomically(AnswerFile, answer.Render());
    }

    /// <summary>The answer to <paramref name="token"/>, or null when none came within <paramref name="timeout"/>.</summary>
    public async Task<LocalRunControlAnswer?> WaitForAnswerAsync(string token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var text = File.Exists(AnswerFile) ? await File.ReadAllTextAsync(AnswerFile, cancellationToken).ConfigureAwait(false) : null;
            if (LocalRunControlAnswer.Parse(text, token) is { } answer)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    // A reader never sees half a file: write beside it, then rename over it.
    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
