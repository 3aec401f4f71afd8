using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

public sealed class KubernetesClientTests : IDisposable
{
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _handler.Dispose();

    private KubernetesClient NewClient(TimeSpan? timeout = null) => new(new k8s.KubernetesClientConfiguration
    {
        Host = "https://kube.example:6443/",
        Namespace = "team",
        AccessToken = "secret-token",
        UserAgent = "tests/1",
        HttpClientTimeout = timeout ?? TimeSpan.FromSeconds(30),
    }, null, _handler);

    [Fact]
    public async Task Get_sends_token_and_user_agent_and_reads_the_object()
    {
        _handler.Respond(HttpStatusCode.OK, """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"team","uid":"u1"}}""");
        using var client = NewClient();

        var pod = await client.GetAsync<V1Pod>("p");

        pod!.Metadata.Uid.Should().Be("u1");
        _handler.Requests[0].PathAndQuery.Should().Be("/api/v1/namespaces/team/pods/p");
        _handler.Requests[0].Authorization.Should().Be("Bearer secret-token");
        _handler.Requests[0].UserAgent.Should().Be("tests/1");
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_null()
    {
        _handler.Respond(HttpStatusCode.NotFound, """{"kind":"Status","status":"Failure","reason":"NotFound","code":404}""");
        using var client = NewClient();

        (await client.GetAsync<V1ConfigMap>("gone")).Should().BeNull();
    }

    [Fact]
    public async Task Errors_carry_the_servers_status()
    {
        _handler.Respond(HttpStatusCode.Conflict, """{"kind":"Status","status":"Failure","reason":"Conflict","code":409,"message":"the object has been modified"}""");
        using var client = NewClient();

        var act = () => client.ReplaceAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c", ResourceVersion = "1" } });

        var error = (await act.Should().ThrowAsync<KubernetesApiException>()).Which;
        error.IsConflict.Should().BeTrue();
        error.Reason.Should().Be("Conflict");
        error.Message.Should().Contain("PUT /api/v1/namespaces/team/configmaps/c").And.Contain("has been modified");
        error.Message.Should().NotContain("secret-token");
    }

    [Fact]
    public async Task A_non_status_error_body_becomes_a_synthetic_status()
    {
        _handler.Respond(HttpStatusCode.BadGateway, "<html>proxy down</html>", "text/html");
        using var client = NewClient();

        var error = (await FluentActions.Awaiting(() => client.GetAsync<V1Pod>("p")).Should().ThrowAsync<KubernetesApiException>()).Which;

        error.Code.Should().Be(502);
        error.Status.Message.Should().Contain("proxy down");
    }

    [Fact]
    public async Task List_all_follows_continue_tokens_and_keeps_the_first_pages_version()
    {
        _handler.Respond(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"t1"},"items":[{"metadata":{"name":"a"}}]}""")
            .Respond(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"b"}}]}""");
        using var client = NewClient();

        var list = await client.ListAsync<V1Secret>("team", new ListOptions { LabelSelector = "app=x", Limit = 1 });

        list.Items.Select(i => i.Metadata.Name).Should().Equal("a", "b");
        list.Metadata.ResourceVersion.Should().Be("10");
        _handler.Requests[1].PathAndQuery.Should().Be("/api/v1/namespaces/team/secrets?continue=t1&labelSelector=app%3Dx&limit=1");
    }

    [Theory]
    [InlineData(V1Patch.PatchType.MergePatch, "application/merge-patch+json")]
    [InlineData(V1Patch.PatchType.JsonPatch, "application/json-patch+json")]
    [InlineData(V1Patch.PatchType.StrategicMergePatch, "application/strategic-merge-patch+json")]
    public async Task Patches_are_sent_with_their_content_type(V1Patch.PatchType type, string contentType)
    {
        _handler.Respond(HttpStatusCode.OK, """{"metadata":{"name":"p"}}""");
        using var client = NewClient();

        await client.PatchStatusAsync<V1Pod>("p", "other", new V1Patch("{}", type));

        _handler.Requests[0].Method.Should().Be(HttpMethod.Patch);
        _handler.Requests[0].ContentType.Should().Be(contentType);
        _handler.Requests[0].PathAndQuery.Should().Be("/api/v1/namespaces/other/pods/p/status");
    }

    [Fact]
    public async Task Create_sends_the_apiVersion_and_kind_an_official_model_leaves_empty()
    {
        _handler.Respond(HttpStatusCode.Created, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");
        using var client = NewClient();

        await client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } });

        var sent = System.Text.Json.Nodes.JsonNode.Parse(_handler.Requests[0].Body!)!;
        sent["apiVersion"]!.GetValue<string>().Should().Be("v1");
        sent["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        _handler.Requests[0].PathAndQuery.Should().Be("/api/v1/namespaces/team/configmaps");
    }

    [Fact]
    public async Task Replace_status_puts_to_the_status_subresource()
    {
        _handler.Respond(HttpStatusCode.OK, """{"metadata":{"name":"l"}}""");
        using var client = NewClient();

        await client.ReplaceStatusAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l", NamespaceProperty = "x" } });

        _handler.Requests[0].Method.Should().Be(HttpMethod.Put);
        _handler.Requests[0].PathAndQuery.Should().Be("/apis/coordination.k8s.io/v1/namespaces/x/leases/l/status");
    }

    [Fact]
    public async Task Delete_sends_preconditions_and_propagation_and_returns_null_for_a_status()
    {
        _handler.Respond(HttpStatusCode.OK, """{"kind":"Status","status":"Success"}""");
        using var client = NewClient();

        var result = await client.DeleteAsync<V1Pod>("p", null, new V1DeleteOptions
        {
            PropagationPolicy = "Foreground",
            Preconditions = new V1Preconditions { Uid = "u1", ResourceVersion = "9" },
        });

        result.Should().BeNull();
        var body = JsonNode.Parse(_handler.Requests[0].Body!)!;
        body["propagationPolicy"]!.GetValue<string>().Should().Be("Foreground");
        body["preconditions"]!["uid"]!.GetValue<string>().Should().Be("u1");
        body["preconditions"]!["resourceVersion"]!.GetValue<string>().Should().Be("9");
    }

    [Fact]
    public async Task Delete_returns_the_object_when_finalizers_keep_it()
    {
        _handler.Respond(HttpStatusCode.OK, """{"kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2026-01-01T00:00:00Z"}}""");
        using var client = NewClient();

        var result = await client.DeleteAsync<V1Pod>("p");

        result!.Metadata.DeletionTimestamp.Should().NotBeNull();
    }

    [Fact]
    public async Task A_request_that_outlives_its_timeout_throws_a_timeout_naming_the_setting()
    {
        _handler.Respond(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = NewClient(TimeSpan.FromMilliseconds(100));

        await FluentActions.Awaiting(() => client.GetAsync<V1Pod>("slow"))
            .Should().ThrowAsync<TimeoutException>().WithMessage("*RequestTimeout*");
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        _handler.Respond(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = NewClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await FluentActions.Awaiting(() => client.GetAsync<V1Pod>("slow", cancellationToken: cts.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Watch_streams_events_until_the_server_closes()
    {
        _handler.Respond(HttpStatusCode.OK, """
            {"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}
            {"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}
            """);
        using var client = NewClient();

        var events = new List<WatchEvent<V1Pod>>();
        await foreach (var e in client.WatchAsync<V1Pod>("team", new ListOptions { ResourceVersion = "1", AllowWatchBookmarks = true }))
        {
            events.Add(e);
        }

        events.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Error);
        _handler.Requests[0].PathAndQuery.Should().Be("/api/v1/namespaces/team/pods?allowWatchBookmarks=true&resourceVersion=1&watch=true");
    }

    [Fact]
    public async Task Watch_start_with_a_too_old_version_throws_gone()
    {
        _handler.Respond(HttpStatusCode.Gone, """{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version"}""");
        using var client = NewClient();

        var act = async () =>
        {
            await foreach (var _ in client.WatchAsync<V1Pod>("team"))
            {
            }
        };

        (await act.Should().ThrowAsync<KubernetesApiException>()).Which.IsGone.Should().BeTrue();
    }
}
