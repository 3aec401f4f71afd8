namespace SegRestore.BrSim.Model;

/// <summary>upstream.json: the upstream at the full backup plus every later change; the verifier's truth.</summary>
public sealed class UpstreamHistory
{
    public ClusterData AtFullBackup { get; set; } = new();
    public List<LogEvent> Events { get; set; } = [];

    public ClusterData At(ulong tso)
    {
        var data = AtFullBackup.Clone();
        var applier = EventApplier.ForUpstream(data);
        foreach (var e in Events.Where(e => e.CommitTs <= tso))
        {
            applier.Apply(e);
        }

        return data;
    }
}
