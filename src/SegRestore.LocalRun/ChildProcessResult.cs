namespace SegRestore.LocalRun;

/// <summary>How a short-lived helper process (br brsim ..., kubectl ...) ended.</summary>
public sealed record ChildProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
