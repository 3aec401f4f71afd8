namespace SegRestore.Api.Chain;

/// <summary>
/// Picks, from all segments of a namespace, the ones the rules need for one segment: its ancestors through
/// previousSegment links (up to the root, a missing name or a loop) and every segment that names the same
/// predecessor as one of them (to see forks). Pure; the controller passes the result as <see cref="ChainView.Segments"/>.
/// </summary>
public static class ChainNeighbourhood
{
    public static IReadOnlyList<ChainMember> Select(ChainMember self, IEnumerable<ChainMember> namespaceSegments)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(namespaceSegments);
        var byName = new Dictionary<string, ChainMember>(StringComparer.Ordinal);
        foreach (var segment in namespaceSegments)
        {
            byName.TryAdd(segment.Name, segment);
        }

        var path = new List<ChainMember> { self };
        var names = new HashSet<string>(StringComparer.Ordinal) { self.Name };
        while (path[^1].Spec.PreviousSegment is { Length: > 0 } previous
               && names.Add(previous)
               && byName.TryGetValue(previous, out var ancestor))
        {
            path.Add(ancestor);
        }

        var predecessors = path
            .Select(member => member.Spec.PreviousSegment)
            .OfType<string>()
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        return byName.Values
            .Where(segment => segment.Name != self.Name
                && (names.Contains(segment.Name) || predecessors.Contains(segment.Spec.PreviousSegment ?? "")))
            .ToList();
    }
}
