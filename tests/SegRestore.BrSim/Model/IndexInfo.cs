namespace SegRestore.BrSim.Model;

/// <summary>A secondary (or non-clustered primary) index of a simulated table.</summary>
public sealed class IndexInfo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool Unique { get; set; }
    public bool Primary { get; set; }

    /// <summary>False while an ingest-mode index added through log restore still waits for BR's repair.</summary>
    public bool Built { get; set; } = true;

    /// <summary>Bumped by each repair: a repaired index is a new index version the upstream's log never writes to.</summary>
    public int Version { get; set; } = 1;

    public IndexInfo Clone() => (IndexInfo)MemberwiseClone();
}
