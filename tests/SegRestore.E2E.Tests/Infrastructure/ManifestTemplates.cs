using System.Globalization;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The manifests under Manifests/ are templates: <c>${PD}</c>, <c>${FULL}</c>, <c>${LOG}</c>, <c>${TS0}</c>..,
/// <c>${IMAGE}</c> become this test's fake PD, the world's storages and restore points, and the BR image.
/// A file named <c>rejected-*.yaml</c> must be refused by the API server; its first line
/// <c># rejected-field: spec.x</c> names the field the error must mention. Segments labelled
/// <c>e2e.segrestore.io/probe: "true"</c> are the ones expected to carry their directory's reason.
/// </summary>
public static class ManifestTemplates
{
    public const string ProbeLabel = "e2e.segrestore.io/probe";
    public const string RejectedPrefix = "rejected-";
    private const string RejectedFieldComment = "# rejected-field:";

    public static string Render(string template, E2EEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(environment);
        var world = environment.World.Info;
        var text = template
            .Replace("${PD}", environment.PdAddress, StringComparison.Ordinal)
            .Replace("${FULL}", world.FullBackupStorage, StringComparison.Ordinal)
            .Replace("${LOG}", world.LogBackupStorage, StringComparison.Ordinal)
            .Replace("${IMAGE}", E2EEnvironment.BrImage, StringComparison.Ordinal);
        for (var i = 0; i < world.RestorePoints.Count; i++)
        {
            text = text.Replace($"${{TS{i}}}", world.RestorePoints[i].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text.Contains("${", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"unknown placeholder left in a manifest:\n{text}")
            : text;
    }

    public static bool IsRejected(string path) => Path.GetFileName(path).StartsWith(RejectedPrefix, StringComparison.Ordinal);

    public static string RejectedField(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var line = template.Split('\n').FirstOrDefault(l => l.StartsWith(RejectedFieldComment, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"a rejected-*.yaml needs a '{RejectedFieldComment} <field>' line");
        return line[RejectedFieldComment.Length..].Trim();
    }

    /// <summary>Reason directories under Manifests/&lt;kind&gt;/ (kind: invalid, waiting).</summary>
    public static IReadOnlyList<string> ReasonDirectories(string kind) =>
        Directory.GetDirectories(Path.Combine(RepoLayout.ManifestsDirectory, kind)).Order(StringComparer.Ordinal).ToList();
}
