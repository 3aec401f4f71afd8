namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// What one hostile manifest (Manifests/hostile/*.yaml) declares in its first line:
/// <c># expect: 422 &lt;field&gt;</c> (the API server refuses it and names the field),
/// <c># expect: Invalid &lt;Reason&gt; &lt;field&gt;</c> (the segment named like the file becomes Invalid with that
/// reason and a message naming the field), or <c># expect: Pruned &lt;field&gt;</c> (an unknown field the structural
/// schema drops; the file's segment is held so it never runs).
/// </summary>
public sealed record HostileExpectation(string File, string Outcome, string? Reason, string Field)
{
    public const string Refused = "422";
    public const string Invalid = "Invalid";
    public const string Pruned = "Pruned";
    private const string Prefix = "# expect:";

    /// <summary>The segment whose outcome the file declares: the one named like the file.</summary>
    public string Segment => Path.GetFileNameWithoutExtension(File);

    public static HostileExpectation Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Split('\n')[0];
        var parts = line.StartsWith(Prefix, StringComparison.Ordinal)
            ? line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
        return parts switch
        {
            [Refused, var field] => new(file, Refused, null, field),
            [Pruned, var field] => new(file, Pruned, null, field),
            [Invalid, var reason, var field] => new(file, Invalid, reason, field),
            _ => throw new InvalidOperationException(
                $"{file}: the first line must be '# expect: 422 <field>', '# expect: Invalid <Reason> <field>' or '# expect: Pruned <field>', not '{line}'"),
        };
    }

    /// <summary>Large values are generated instead of committed: <c>${HUGE}</c> is 1 MiB of 'a',
    /// <c>${MANY_FILTERS}</c> a list of 10,000 table filters.</summary>
    public static string ExpandGenerated(string template) => template
        .Replace("${HUGE}", new string('a', 1 << 20), StringComparison.Ordinal)
        .Replace("${MANY_FILTERS}", "[" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"\"db{i}.*\"")) + "]", StringComparison.Ordinal);
}
