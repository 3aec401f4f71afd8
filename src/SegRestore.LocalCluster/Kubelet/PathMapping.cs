using System.Text.RegularExpressions;

namespace SegRestore.LocalCluster.Kubelet;

/// <summary>Container paths (volume mount paths, the termination message path, in-image paths) cannot be bind
/// mounted for a local process, so each is replaced by its local directory wherever it appears as a whole path in
/// the command, arguments, environment values and working directory: <c>/shared/br</c> becomes
/// <c>/tmp/lc/pod/volumes/shared/br</c>, and so does the path of a URL (<c>local:///shared/x</c>), while
/// <c>/sharedx</c> and <c>/a/shared</c> are left alone.</summary>
public sealed class PathMapping
{
    private readonly List<(string ContainerPath, string LocalPath)> _entries;
    private readonly Dictionary<string, string> _byContainerPath;
    private readonly Regex? _pattern;

    public PathMapping(IEnumerable<KeyValuePair<string, string>> entries)
    {
        // Longest first, so /data/sub wins over /data.
        _entries = [.. entries
            .Select(e => (e.Key.TrimEnd('/'), e.Value.TrimEnd('/')))
            .Where(e => e.Item1.Length > 0)
            .OrderByDescending(e => e.Item1.Length)];
        _byContainerPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (containerPath, localPath) in _entries)
        {
            _byContainerPath.TryAdd(containerPath, localPath);
        }

        // One pass over the text with every path as an alternative: a replacement is never scanned again, so a local
        // directory under a mapped path (a kubelet directory under /tmp while /tmp is an emptyDir) is not re-mapped.
        // A path starts the text or follows a character that cannot be part of a path, or it follows a URL's "://".
        _pattern = _entries.Count == 0
            ? null
            : new Regex(
                "(?:(?<=://)|(?<![A-Za-z0-9._/-]))(?<path>" + string.Join('|', _entries.Select(e => Regex.Escape(e.ContainerPath))) + ")(?![A-Za-z0-9._-])(?<rest>/[A-Za-z0-9._/:@+=-]*)?",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
    }

    public IReadOnlyList<(string ContainerPath, string LocalPath)> Entries => _entries;

    /// <summary>
    /// Maps every container path in <paramref name="text"/>. A longer path that already exists on this machine keeps
    /// its meaning (a host directory under /tmp, while the pod mounts an emptyDir at /tmp): a process shares the host's
    /// file system, and a freshly mounted volume could not hold it yet anyway.
    /// </summary>
    public string Map(string text) =>
        _pattern is null ? text : _pattern.Replace(text, match =>
        {
            var rest = match.Groups["rest"].Value;
            return rest.Length > 1 && (Directory.Exists(match.Value) || File.Exists(match.Value))
                ? match.Value
                : _byContainerPath[match.Groups["path"].Value] + rest;
        });
}
