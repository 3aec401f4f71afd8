using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Pd.Protocol;
using SegRestore.Rpc;

namespace SegRestore.Pd.Testing;

/// <summary>
/// A test double of PD on Grpc.AspNetCore: answers <c>pdpb.PD/GetMembers</c> on a loopback port with
/// a configurable cluster id and members, and can be told to answer with a header error. It is not a PD: it exists
/// for tests and local end-to-end runs that need something PD-shaped to talk to.
/// </summary>
public sealed class FakePdServer : IAsyncDisposable
{
    private readonly FakePdOptions _options;
    private readonly ConcurrentQueue<GetMembersRequest> _requests = new();
    private GrpcHost? _host;
    private long _clusterId;
    private Error? _headerError;

    private FakePdServer(FakePdOptions options)
    {
        _options = options;
        _clusterId = unchecked((long)options.ClusterId);
    }

    public Uri Address => _host?.Address ?? throw new InvalidOperationException("The fake PD is not started.");

    /// <summary>The cluster id reported from now on (change it to simulate a rebuilt cluster).</summary>
    public ulong ClusterId
    {
        get => unchecked((ulong)Interlocked.Read(ref _clusterId));
        set => Interlocked.Exchange(ref _clusterId, unchecked((long)value));
    }

    /// <summary>Every GetMembers request received, in order.</summary>
    public IReadOnlyList<GetMembersRequest> Requests => _requests.ToArray();

    public static async Task<FakePdServer> StartAsync(FakePdOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakePdServer(options ?? new FakePdOptions());
        server._host = await GrpcHost.StartAsync(
            new GrpcHostOptions
            {
                Tls = server._options.Tls,
                Endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, server._options.Port),
                ConfigureServices = services => services.AddSingleton(new FakePdService(server.GetMembers)),
            },
            endpoints => endpoints.MapGrpcService<FakePdService>(),
            cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>From now on, answer with this error in the response header (as PD does, e.g. NOT_BOOTSTRAPPED).</summary>
    public void FailWith(ErrorType type, string message) =>
        Volatile.Write(ref _headerError, new Error { Type = type, Message = message });

    public void ClearFailure() => Volatile.Write(ref _headerError, null);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private GetMembersResponse GetMembers(GetMembersRequest request)
    {
        _requests.Enqueue(request);
        var response = new GetMembersResponse { Header = new ResponseHeader { ClusterId = ClusterId } };
        if (Volatile.Read(ref _headerError) is { } error)
        {
            response.Header.Error = error.Clone();
            return response;
        }

        var members = Enumerable.Range(0, _options.MemberCount).Select(Member).ToList();
        response.Members.AddRange(members);
        if (_options.LeaderIndex >= 0 && _options.LeaderIndex < members.Count)
        {
            response.Leader = members[_options.LeaderIndex];
            response.EtcdLeader = members[_options.LeaderIndex];
        }

        return response;
    }

    private Member Member(int index)
    {
        var member = new Member { Name = $"pd-{index}", MemberId = 1000UL + (ulong)index };
        member.PeerUrls.Add($"{Address.Scheme}://pd-{index}.pd-peer:2380");
        member.ClientUrls.Add(Address.ToString().TrimEnd('/'));
        return member;
    }
}
