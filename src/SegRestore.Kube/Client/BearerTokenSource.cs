namespace SegRestore.Kube.Client;

/// <summary>
/// Supplies the bearer token: a fixed one, or one read from a file and re-read after a period, because projected
/// service-account tokens rotate (client-go reloads once a minute).
/// </summary>
public sealed class BearerTokenSource(string? fixedToken, string? tokenFile, TimeSpan reloadPeriod, TimeProvider timeProvider)
{
    private volatile string? _cached;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public static BearerTokenSource From(KubernetesClientConfiguration configuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new BearerTokenSource(configuration.AccessToken, configuration.TokenFile,
            configuration.TokenReloadPeriod, timeProvider);
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (tokenFile is null)
        {
            return fixedToken;
        }

        if (_cached is not null && timeProvider.GetUtcNow() - _readAt < reloadPeriod)
        {
            return _cached;
        }

        // Two callers may both re-read the file at the turn of a period; that is harmless and needs no lock.
        var token = (await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
        _cached = token;
        _readAt = timeProvider.GetUtcNow();
        return token;
    }
}
