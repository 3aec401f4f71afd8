using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SegRestore.Operator.Reporter;

/// <summary>A process-local token registry (the operator is the single writer; grants are rebuilt from pods on restart).</summary>
public sealed class InMemoryAttemptTokenRegistry : IAttemptTokenRegistry
{
    private readonly ConcurrentDictionary<(string SegmentUid, int Attempt), AttemptGrant> _grants = new();

    public AttemptGrant? Find(string segmentUid, int attempt) =>
        _grants.TryGetValue((segmentUid, attempt), out var grant) ? grant : null;

    /// <summary>Registers a grant for the token; the token is hashed at once and not stored.</summary>
    public AttemptGrant Grant(string rootUid, string segmentUid, int attempt, string podName, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootUid);
        ArgumentException.ThrowIfNullOrEmpty(segmentUid);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var grant = new AttemptGrant(rootUid, segmentUid, attempt, podName, HashToken(token));
        _grants[(segmentUid, attempt)] = grant;
        return grant;
    }

    /// <summary>Registers a grant from a token's hash: how an operator restarted while a worker runs adopts its attempt
    /// (the pod carries the hash; the token itself stays in the attempt's Secret).</summary>
    public AttemptGrant GrantHashed(string rootUid, string segmentUid, int attempt, string podName, byte[] tokenSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootUid);
        ArgumentException.ThrowIfNullOrEmpty(segmentUid);
        ArgumentNullException.ThrowIfNull(tokenSha256);
        var grant = new AttemptGrant(rootUid, segmentUid, attempt, podName, tokenSha256);
        _grants[(segmentUid, attempt)] = grant;
        return grant;
    }

    public bool Revoke(string segmentUid, int attempt) => _grants.TryRemove((segmentUid, attempt), out _);

    /// <summary>A new random token (256 bits, base64url): what the controller puts into the attempt's Secret.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
