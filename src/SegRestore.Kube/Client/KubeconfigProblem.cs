namespace SegRestore.Kube.Client;

/// <summary>
/// What to tell a user whose kubeconfig the official reader refused, from its message. An exec credential plugin's
/// failure (an expired cloud login, a missing <c>aws</c>) reads as that, with the fix, instead of the reader's
/// "failed deserialization" text and stack trace; any other problem keeps its first line, then the caller's fix.
/// </summary>
public static class KubeconfigProblem
{
    private const string ExecPrefix = "external exec failed";
    private const string ExecFix = "sign in again with the tool it runs (e.g. aws sso login, gcloud auth login, az login), " +
        "or run the plugin's command yourself to see why, then retry";

    /// <param name="message">The refusal's message.</param>
    /// <param name="fix">What the caller's user can do about a kubeconfig that is missing or wrong, e.g. "pass
    /// --kubeconfig PATH or set KUBECONFIG".</param>
    public static string Describe(string message, string fix)
    {
        ArgumentNullException.ThrowIfNull(message);
        var first = FirstLine(message);
        if (!first.StartsWith(ExecPrefix, StringComparison.Ordinal))
        {
            return $"{first}; {fix}";
        }

        if (first.Contains("deserialization", StringComparison.Ordinal) || first.Contains("uncaught exception", StringComparison.Ordinal))
        {
            return "the kubeconfig's exec credential plugin printed no ExecCredential (it failed, or printed something " +
                $"else; its own message, if it printed one, is above): {ExecFix}";
        }

        const string dueTo = "due to: ";
        var at = first.IndexOf(dueTo, StringComparison.Ordinal);
        var detail = at >= 0 ? first[(at + dueTo.Length)..].Trim() : first[ExecPrefix.Length..].Trim();
        return $"the kubeconfig's exec credential plugin failed ({detail}): {ExecFix}";
    }

    /// <summary>The message up to its first line break or nested exception text.</summary>
    private static string FirstLine(string message)
    {
        var end = message.Length;
        foreach (var marker in new[] { "\n", ": System.", " ---> " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return message[..end].TrimEnd();
    }
}
