namespace SegRestore.Cli.Local;

/// <summary>`local run`'s answer to one restart request: the request's token, whether the operator is up again, and
/// a line for the user. The file holds three lines: token, <c>ok</c> or <c>failed</c>, message.</summary>
public sealed record LocalRunControlAnswer(string Token, bool Succeeded, string Message)
{
    public string Render() => $"{Token}\n{(Succeeded ? "ok" : "failed")}\n{Message}\n";

    /// <summary>The answer to the request <paramref name="token"/>, or null when <paramref name="text"/> answers
    /// another request or is not (yet) a whole answer.</summary>
    public static LocalRunControlAnswer? Parse(string? text, string token)
    {
        var lines = (text ?? "").Split('\n');
        if (lines.Length < 3 || lines[0] != token || lines[1] is not ("ok" or "failed"))
        {
            return null;
        }

        return new(token, lines[1] == "ok", lines[2]);
    }
}
