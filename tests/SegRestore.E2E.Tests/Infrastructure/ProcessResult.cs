namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>How a short-lived helper process (br brsim ..., kubectl ...) ended.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
