using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>What the operator can put back over SQL, and what it cannot.</summary>
/// <param name="Statements">Replicas with a count above zero and a known name, each with its statement, in BR's order.</param>
/// <param name="Unnamed">Replicas whose database or table name the id maps lacked: no statement can name them, so the
/// caller keeps them (in a ConfigMap) for a DBA.</param>
public sealed record TiFlashReplicaPlan(IReadOnlyList<TiFlashReplicaStatement> Statements, IReadOnlyList<TiFlashReplicaItem> Unnamed);
