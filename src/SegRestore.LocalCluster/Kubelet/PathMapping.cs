using System.Text.RegularExpressions;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Container paths (volume mount paths, the termination message path, in-image paths) cannot be bind
/// mounted for a local process, so each is replaced by its local directory wherever it appears as a whole path in
/// the command, arguments, environment values and working directory: <c>/shared/br</c> becomes
/// <c>/tmp/lc/pod/volumes/shared/br</c>, while <c>/sharedx</c> and <c>/a/shared</c> are left alone.</summary>
public sealed class PathMapping
{
    private readonly List<(string ContainerPath, string LocalPath)> _entries;

    public PathMapping(IEnumerable<KeyValuePair<string, string>> entries) =>
        // Longest first, so /data/sub wins over /data.
        _entries = [.. entries
            .Select(e => (e.Key.TrimEnd('/'), e.Value.TrimEnd('/')))
            .Where(e => e.Item1.Length > 0)
            .OrderByDescending(e => e.Item1.Length)];

    public IReadOnlyList<(string ContainerPath, string LocalPath)> Entries => _entries;

    public string Map(string text)
    {
        foreach (var (containerPath, localPath) in _entries)
        {
            var pattern = $"(?<![A-Za-z0-9._/-]){Regex.Escape(containerPath)}(?![A-Za-z0-9._-])";
            text = Regex.Replace(text, pattern, _ => localPath, RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        return text;
    }
}
