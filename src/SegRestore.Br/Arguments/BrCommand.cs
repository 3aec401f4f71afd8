namespace SegRestore.Br.Arguments;

/// <summary>The BR invocation: an argv list (never a shell string) and environment variables sourced from Secrets.</summary>
public sealed record BrCommand(IReadOnlyList<string> Argv, IReadOnlyList<EnvFromSecret> Env)
{
    /// <summary>A one-line rendering for people (events, logs, status), with secrets redacted.</summary>
    public string ToDisplayString(IEnumerable<string>? knownSecrets = null) =>
        SecretRedactor.Redact(string.Join(' ', Argv.Select(Quote)), knownSecrets);

    private static string Quote(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c, StringComparison.Ordinal))
            ? token
            : "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
