using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>The test side's own small HTTP client for the Kubernetes REST API (deliberately not the product's
/// client): raw verbs, content types and status codes, plus watch streams.</summary>
public sealed class KubeHttp : IDisposable
{
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatchType = "application/json-patch+json";
    public const string StrategicPatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    private readonly HttpClient _client;

    public KubeHttp(string baseUrl, string? token = null, X509Certificate2? ca = null, X509Certificate2? clientCertificate = null, bool insecure = false)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (ca is not null || insecure || clientCertificate is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => insecure || Trusted(certificate, ca, errors),
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            };
        }

        _client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Task<ApiResponse> Get(string path, string? accept = null) => Send(HttpMethod.Get, path, null, null, accept);

    public Task<ApiResponse> Post(string path, JsonNode body) => Send(HttpMethod.Post, path, body, "application/json");

    public Task<ApiResponse> Put(string path, JsonNode body) => Send(HttpMethod.Put, path, body, "application/json");

    public Task<ApiResponse> Patch(string path, string contentType, JsonNode body) => Send(HttpMethod.Patch, path, body, contentType);

    public Task<ApiResponse> Delete(string path, JsonNode? options = null) => Send(HttpMethod.Delete, path, options, options is null ? null : "application/json");

    public Task<ApiResponse> Send(HttpMethod method, string path, JsonNode? body, string? contentType, string? accept = null) =>
        SendText(method, path, body?.ToJsonString(), contentType, accept);

    /// <summary>Sends the body text as given, for bodies a JsonNode cannot hold (duplicate keys).</summary>
    public async Task<ApiResponse> SendText(HttpMethod method, string path, string? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (e.g. logs).
        }

        var warnings = response.Headers.TryGetValues("Warning", out var values) ? values.ToList() : [];
        return new ApiResponse(response.StatusCode, json, text) { Warnings = warnings };
    }

    /// <summary>Opens a watch; the status code is available before any event is read.</summary>
    public async Task<WatchReader> Watch(string pathAndQuery, string? accept = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new WatchReader(request, response);
    }

    public void Dispose() => _client.Dispose();

    private static bool Trusted(X509Certificate? certificate, X509Certificate2? ca, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (ca is null || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
