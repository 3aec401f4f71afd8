using System.Net;
using System.Text;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Answers requests from a script and records what was sent.</summary>
public sealed class FakeHttpHandler : DelegatingHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public FakeHttpHandler Respond(HttpStatusCode code, string body, string contentType = "application/json")
    {
        _responses.Enqueue((_, _) => Task.FromResult(new HttpResponseMessage(code)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        }));
        return this;
    }

    public FakeHttpHandler Respond(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body,
            request.Content?.Headers.ContentType?.MediaType, request.Headers.Authorization?.ToString(),
            request.Headers.UserAgent.ToString()));
        if (_responses.Count == 0)
        {
            throw new InvalidOperationException($"no scripted response for {request.Method} {request.RequestUri}");
        }

        var response = await _responses.Dequeue()(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}
