using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Client;

public sealed partial class KubernetesClient
{
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await SendRawAsync(method, path, content, streamBody: false, cancellationToken, timeout.Token)
                .ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T)), timeout.Token)
                    .ConfigureAwait(false) ?? throw new KubernetesException($"{method} {path}: the server answered with an empty body");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(method, path);
        }
    }

    /// <summary>
    /// Sends one request and returns a successful response; a failure is read into a <see cref="V1Status"/> and thrown.
    /// With <paramref name="streamBody"/> the timeout covers only the wait for the headers.
    /// </summary>
    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, HttpContent? content, bool streamBody, CancellationToken cancellationToken,
        CancellationToken? timeoutToken = null)
    {
        using var ownTimeout = timeoutToken is null ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        ownTimeout?.CancelAfter(RequestTimeout);
        var requestToken = timeoutToken ?? ownTimeout!.Token;
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl + path)) { Content = content };
        request.Headers.Accept.Add(JsonMediaType);
        if (_credentials is not null)
        {
            // The official credentials: a fixed token, a re-read token file, an exec plugin refreshed before expiry.
            try
            {
                await _credentials.ProcessHttpRequestAsync(request, requestToken).ConfigureAwait(false);
            }
            catch (k8s.Exceptions.KubeConfigException e)
            {
                // An exec plugin that fails on refresh: a failed request to the callers, not a crash.
                throw new KubernetesException($"{method} {path}: could not obtain credentials: {e.Message}", e);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request,
                streamBody ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                requestToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(method, path);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = await ReadStatusAsync(response, requestToken).ConfigureAwait(false);
            throw new KubernetesException(status, $"{method} {path}");
        }
    }

    private async Task<V1Status> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        V1Status? status = null;
        try
        {
            status = body.Length == 0 ? null : JsonSerializer.Deserialize(body, (JsonTypeInfo<V1Status>)_json.GetTypeInfo(typeof(V1Status)));
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's HTML page, say): synthesise one from the HTTP response below.
        }

        status ??= new V1Status { Status = "Failure" };
        status.Code ??= (int)response.StatusCode;
        status.Reason ??= response.ReasonPhrase;
        status.Message ??= body.Length > 300 ? body[..300] : body;
        return status;
    }

    private ByteArrayContent JsonBody<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)_json.GetTypeInfo(typeof(T))));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>The official configuration's <c>HttpClientTimeout</c>, per request (a watch: until its headers).</summary>
    private TimeSpan RequestTimeout => _configuration.HttpClientTimeout;

    private TimeoutException TimedOut(HttpMethod method, string path) =>
        new($"{method} {path} did not complete within {RequestTimeout.TotalSeconds:0.###} s " +
            "(RequestTimeout: KubernetesClientConfiguration.HttpClientTimeout).");
}
