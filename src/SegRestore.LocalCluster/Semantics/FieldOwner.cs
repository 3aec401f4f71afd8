namespace SegRestore.LocalCluster.Semantics;

/// <summary>The field manager of a client write (the <c>fieldManager</c> query, else the User-Agent's product
/// name) and, for an apply, whether it takes over conflicting fields (<c>force=true</c>).</summary>
public sealed record FieldOwner(string Manager, bool Force = false);
