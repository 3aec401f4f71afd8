namespace SegRestore.Br.Probe;

/// <summary>
/// What an earlier attempt's probe found, passed to a later worker of the same chain and BR image so it need not run
/// BR twice to learn it again (<c>SEGRESTORE_BR_KNOWN_CAPABILITIES</c>, docs/worker.md). One text shared by the
/// operator, which writes it, and the worker, which reads it: <c>dialect=LastSegment;version=v9.1.0</c>. The version is
/// last and may be empty; it is BR's own text and only ever shown, never interpreted.
/// </summary>
public static class BrCapabilityHint
{
    private const string DialectKey = "dialect=";
    private const string VersionKey = ";version=";

    public static string Format(BrDialect dialect, string? releaseVersion) =>
        DialectKey + dialect + VersionKey + (releaseVersion ?? string.Empty);

    /// <summary>A dialect by its exact name only (<c>Enum.TryParse</c> alone also takes numbers and unknown values).</summary>
    public static bool TryParseDialect(string text, out BrDialect dialect) =>
        Enum.TryParse(text, ignoreCase: false, out dialect) && Enum.IsDefined(dialect) && text.All(char.IsLetter);

    /// <summary>
    /// The capabilities a hint stands for, or null when the text is not a hint this worker understands (then the worker
    /// probes as if there were none). <see cref="BrCapabilities.SupportsCheckpointStorage"/> is true, as the operator
    /// assumes when it builds the argv; the worker never decides anything on it.
    /// </summary>
    public static BrCapabilities? Parse(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint) || !hint.StartsWith(DialectKey, StringComparison.Ordinal))
        {
            return null;
        }

        var versionAt = hint.IndexOf(VersionKey, StringComparison.Ordinal);
        if (versionAt < 0)
        {
            return null;
        }

        if (!TryParseDialect(hint[DialectKey.Length..versionAt], out var dialect))
        {
            return null;
        }

        var version = hint[(versionAt + VersionKey.Length)..].Trim();
        var raw = version.Length == 0 ? string.Empty : "Release Version: " + version;
        return new BrCapabilities(dialect, SupportsCheckpointStorage: true,
            new BrVersionInfo(version.Length == 0 ? null : version, null, null, null, null, raw));
    }
}
