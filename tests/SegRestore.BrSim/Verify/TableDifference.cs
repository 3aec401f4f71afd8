namespace SegRestore.BrSim.Verify;

/// <summary>One difference between a restored table and the upstream at the same point.</summary>
public sealed record TableDifference(string Table, string Workload, string Message)
{
    public override string ToString() => $"{Workload}: {Message} (table {Table})";
}
