using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Rpc;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Worker.Reporting;

/// <summary>
/// The worker's side of the reporter protocol: every call carries the attempt's bearer token and a per-call deadline;
/// <see cref="RetryAsync{T}"/> retries transient failures with backoff until an overall deadline.
/// </summary>
public sealed partial class ReporterClient : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);
    private readonly GrpcChannel _channel;
    private readonly ReporterGrpc.ReporterClient _calls;
    private readonly Metadata _headers;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly ILogger _logger;
    private readonly bool _trustsPrivateCa;

    public ReporterClient(
        Uri address, string token, string segmentUid, int attempt, TimeSpan initialBackoff, TimeSpan maxBackoff, ILogger logger,
        X509Certificate2Collection? trustedRoots = null)
    {
        _channel = GrpcChannels.ForAddress(address, new GrpcChannelSettings
        {
            MaxReceiveMessageSize = ReporterProtocol.MaxMessageSize,
            MaxSendMessageSize = ReporterProtocol.MaxMessageSize,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            RootCertificates = trustedRoots,
        });
        Address = address;
        _trustsPrivateCa = trustedRoots is not null;
        _calls = new ReporterGrpc.ReporterClient(_channel);
        _headers = new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(token) } };
        Attempt = new AttemptRef { SegmentUid = segmentUid, Attempt = attempt };
        _initialBackoff = initialBackoff;
        _maxBackoff = maxBackoff;
        _logger = logger;
    }

    public AttemptRef Attempt { get; }

    public Uri Address { get; }

    public CallOptions Options(CancellationToken cancellationToken) =>
        new(_headers, DateTime.UtcNow + CallTimeout, cancellationToken);

    /// <summary>The generated client on this worker's one channel to the reporter (streaming calls use it directly).</summary>
    public ReporterGrpc.ReporterClient Calls => _calls;

    public Task<RegisterAttemptResponse> RegisterAsync(RegisterAttemptRequest request, CancellationToken cancellationToken) =>
        _calls.RegisterAttemptAsync(request, Options(cancellationToken)).ResponseAsync;

    public Task<Ack> ProgressAsync(ProgressReport report, CancellationToken cancellationToken) =>
        _calls.ReportProgressAsync(report, Options(cancellationToken)).ResponseAsync;

    public Task<Ack> ResultAsync(ResultReport report, CancellationToken cancellationToken) =>
        _calls.ReportResultAsync(report, Options(cancellationToken)).ResponseAsync;

    /// <summary>Runs <paramref name="call"/> until it succeeds, fails permanently, or <paramref name="deadline"/> passes.</summary>
    public async Task<T> RetryAsync<T>(string what, DateTimeOffset deadline, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var failures = 0; ; failures++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (RetryDecision.IsUntrustedServer(ex))
            {
                // Retrying cannot help: the certificate will not change until someone fixes the configuration.
                throw new ReporterTrustException(Address, _trustsPrivateCa, ex);
            }
            catch (RpcException ex) when (RetryDecision.IsTransient(ex.StatusCode) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff.Delay(failures + 1, _initialBackoff, _maxBackoff);
                if (DateTimeOffset.UtcNow + delay > deadline)
                {
                    throw;
                }

                LogRetry(what, ex.StatusCode, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _channel.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporter call {What} failed with {Status}; retrying in {DelayMs} ms")]
    private partial void LogRetry(string what, StatusCode status, double delayMs);
}
