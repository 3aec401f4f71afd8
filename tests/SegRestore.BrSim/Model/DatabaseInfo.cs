namespace SegRestore.BrSim.Model;

/// <summary>A simulated database (schema).</summary>
public sealed class DatabaseInfo
{
    public long Id { get; set; }
    public string Name { get; set; } = "";

    public DatabaseInfo Clone() => new() { Id = Id, Name = Name };
}
