using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>One replica to put back and the statement that does it, built by <see cref="TiFlashResetSql"/> only.</summary>
/// <param name="Item">The replica BR recorded.</param>
/// <param name="Sql">BR's <c>ALTER TABLE … SET TIFLASH REPLICA …</c> for it.</param>
public sealed record TiFlashReplicaStatement(TiFlashReplicaItem Item, string Sql);
