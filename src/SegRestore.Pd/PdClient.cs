using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Pd.Protocol;
using SegRestore.Rpc;
using SegRestore.Rpc.Tls;

namespace SegRestore.Pd;

/// <summary>
/// PD over gRPC: GetMembers (cluster id, leader, members), trying each configured address in order until one
/// answers. One channel per address is kept, so connections are reused between calls.
/// </summary>
public sealed class PdClient : IPdClient, IDisposable
{
    private readonly PdClientOptions _options;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<Uri> _addresses;
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly Dictionary<Uri, PD.PDClient> _clients = [];

    /// <exception cref="ArgumentException">The address list is malformed.</exception>
    /// <exception cref="InvalidOperationException">A TLS file is missing or unreadable.</exception>
    public PdClient(PdClientOptions options, ILogger<PdClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _addresses = PdAddresses.Parse(options.Addresses, options.Tls is not null);
        var settings = ChannelSettings(options.Tls);
        foreach (var address in _addresses)
        {
            var channel = GrpcChannels.ForAddress(address, settings);
            _channels[address] = channel;
            _clients[address] = new PD.PDClient(channel);
        }
    }

    public IReadOnlyList<Uri> Addresses => _addresses;

    public async Task<PdMembers> GetMembersAsync(CancellationToken cancellationToken)
    {
        var failures = new List<PdAttemptFailure>();
        foreach (var address in _addresses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new GetMembersRequest { Header = new RequestHeader { CallerId = _options.CallerId } };
            var callOptions = new CallOptions(deadline: DateTime.UtcNow + _options.AttemptTimeout, cancellationToken: cancellationToken);
            GetMembersResponse response;
            try
            {
                response = await _clients[address].GetMembersAsync(request, callOptions).ConfigureAwait(false);
            }
            catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("GetMembers was cancelled.", ex, cancellationToken);
            }
            catch (RpcException ex)
            {
                _logger.LogWarning(
                    "PD {Address} did not answer GetMembers: {StatusCode} {Detail}", address, ex.StatusCode, ex.Status.Detail);
                failures.Add(new PdAttemptFailure(address, ex.StatusCode, ex.Status.Detail));
                continue;
            }

            return PdResponses.ToMembers(response, address);
        }

        throw new PdUnavailableException(failures);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private static GrpcChannelSettings ChannelSettings(PdTlsOptions? tls)
    {
        if (tls is null)
        {
            return new GrpcChannelSettings();
        }

        var roots = PemFiles.LoadCertificates(tls.CaPath, "PD TLS CA (ca.crt)");
        if (tls.CertPath is null != tls.KeyPath is null)
        {
            throw new InvalidOperationException(
                "PD TLS needs both the client certificate (tls.crt) and its key (tls.key), or neither; " +
                $"got certificate '{tls.CertPath ?? "(none)"}' and key '{tls.KeyPath ?? "(none)"}'.");
        }

        var clientCertificates = tls.CertPath is not null && tls.KeyPath is not null
            ? new X509Certificate2Collection(PemFiles.LoadCertificateWithKey(tls.CertPath, tls.KeyPath, "PD TLS client (tls.crt/tls.key)"))
            : null;
        return new GrpcChannelSettings { RootCertificates = roots, ClientCertificates = clientCertificates };
    }
}
