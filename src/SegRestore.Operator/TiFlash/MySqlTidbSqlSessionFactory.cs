namespace SegRestore.Operator.TiFlash;

/// <summary>Opens sessions over MySqlConnector through <see cref="TidbSqlConnector"/>.</summary>
public sealed class MySqlTidbSqlSessionFactory : ITidbSqlSessionFactory
{
    public async Task<ITidbSqlSession> OpenAsync(TidbSqlTarget target, CancellationToken cancellationToken) =>
        new MySqlTidbSqlSession(await TidbSqlConnector.OpenAsync(target, cancellationToken).ConfigureAwait(false));
}
