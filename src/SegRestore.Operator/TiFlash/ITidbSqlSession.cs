namespace SegRestore.Operator.TiFlash;

/// <summary>An open SQL session on TiDB, as the TiFlash restore uses it; the seam that tests replace.</summary>
public interface ITidbSqlSession : IAsyncDisposable
{
    /// <summary>Runs one statement (an <c>ALTER TABLE … SET TIFLASH REPLICA …</c> from <see cref="TiFlashReplicaStatements"/>).</summary>
    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>The table's row of <c>information_schema.tiflash_replica</c>, or null when TiDB shows none.</summary>
    Task<TiFlashReplicaRow?> QueryReplicaAsync(string schema, string table, CancellationToken cancellationToken);
}
