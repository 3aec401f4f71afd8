namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// What one manifest of Manifests/kinds declares in its first line:
/// <c># expect: k&lt;N&gt; &lt;Phase&gt; &lt;Reason&gt; &lt;field&gt; [pod]</c> (the segment named like the file ends in that phase
/// and typed reason, its message naming the field; <c>pod</c> when the check needs a worker pod to exist) or
/// <c># expect: k&lt;N&gt; Refused &lt;text&gt;</c> (the API server refuses the file and says the text).
/// </summary>
public sealed record KindExpectation(string File, string Kind, string Outcome, string? Reason, string Text, bool NeedsPod)
{
    public const string Refused = "Refused";
    private const string Prefix = "# expect:";

    public string Segment => Path.GetFileNameWithoutExtension(File);

    public static KindExpectation Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Split('\n')[0];
        var parts = line.StartsWith(Prefix, StringComparison.Ordinal)
            ? line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
        return parts switch
        {
            [var kind, Refused, .. var words] when words.Length > 0 => new(file, kind, Refused, null, string.Join(' ', words), false),
            [var kind, var phase, var reason, var field] => new(file, kind, phase, reason, field, false),
            [var kind, var phase, var reason, var field, "pod"] => new(file, kind, phase, reason, field, true),
            _ => throw new InvalidOperationException(
                $"{file}: the first line must be '# expect: kN <Phase> <Reason> <field> [pod]' or '# expect: kN Refused <text>', not '{line}'"),
        };
    }
}
