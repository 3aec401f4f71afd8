namespace SegRestore.Operator.TiFlash;

/// <summary>Opens <see cref="ITidbSqlSession"/>s; <see cref="MySqlTidbSqlSessionFactory"/> is the real one.</summary>
public interface ITidbSqlSessionFactory
{
    /// <summary>Connects and logs in to <paramref name="target"/>; the caller disposes the session.</summary>
    Task<ITidbSqlSession> OpenAsync(TidbSqlTarget target, CancellationToken cancellationToken);
}
