using SegRestore.Operator.TiFlash;

namespace SegRestore.Operator.Tests.TiFlash;

/// <summary>
/// A TiDB stand-in for the restorer: remembers the statements, applies the ones it understands to its replica rows,
/// and throws what <see cref="FailNext"/> queues, one failure per statement.
/// </summary>
public sealed class FakeTidbSqlSession : ITidbSqlSession, ITidbSqlSessionFactory
{
    public List<string> Executed { get; } = [];

    /// <summary>Rows by (schema, table); a test sets them, or <see cref="ShowWhatIsSet"/> fills them from each ALTER.</summary>
    public Dictionary<(string Schema, string Table), TiFlashReplicaRow> Rows { get; } = [];

    /// <summary>Makes the ALTER of <c>(schema, table)</c> show as a row with this count and labels.</summary>
    public Func<string, TiFlashReplicaRow?>? ShowWhatIsSet { get; set; }

    public Queue<Exception?> FailNext { get; } = new();

    public int Opened { get; private set; }

    public int Disposed { get; private set; }

    public Exception? FailOpen { get; set; }

    public Task<ITidbSqlSession> OpenAsync(TidbSqlTarget target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Opened++;
        return FailOpen is { } failure ? Task.FromException<ITidbSqlSession>(failure) : Task.FromResult<ITidbSqlSession>(this);
    }

    public Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FailNext.TryDequeue(out var failure) && failure is not null)
        {
            return Task.FromException(failure);
        }

        Executed.Add(sql);
        if (ShowWhatIsSet?.Invoke(sql) is { } row)
        {
            Rows[(row.Schema, row.Table)] = row;
        }

        return Task.CompletedTask;
    }

    public Task<TiFlashReplicaRow?> QueryReplicaAsync(string schema, string table, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Rows.GetValueOrDefault((schema, table)));
    }

    public ValueTask DisposeAsync()
    {
        Disposed++;
        return default;
    }
}
