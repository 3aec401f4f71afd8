using System.Net;
using System.Web;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Client;

/// <summary>The paths and query strings the facade's calls reach the server with (the official client builds them).</summary>
public sealed class ResourcePathsTests : IDisposable
{
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _handler.Dispose();

    public static TheoryData<string, string?, string> Collections => new()
    {
        { "pods", "ns1", "/api/v1/namespaces/ns1/pods" },
        { "pods", null, "/api/v1/pods" },
        { "leases", "kube-system", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases" },
        { "namespaces", "ignored", "/api/v1/namespaces" },
    };

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Collection_paths_follow_group_version_and_scope(string kind, string? ns, string expected)
    {
        _handler.Respond(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"1"},"items":[]}""");
        using var client = NewClient(defaultNamespace: null);

        _ = kind switch
        {
            "pods" => (object)await client.ListPageAsync<V1Pod>(ns),
            "leases" => await client.ListPageAsync<V1Lease>(ns),
            _ => await client.ListPageAsync<V1Namespace>(ns),
        };

        _handler.Requests[0].Uri.AbsolutePath.Should().Be(expected);
    }

    [Fact]
    public async Task Item_paths_escape_names_and_append_subresources()
    {
        _handler.Respond(HttpStatusCode.OK, """{"metadata":{"name":"x"}}""");
        using var client = NewClient(defaultNamespace: null);

        await client.ReplaceStatusAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "a b" } });

        _handler.Requests[0].Uri.AbsoluteUri.Should().EndWith("/apis/coordination.k8s.io/v1/namespaces/a%20b/leases/x/status");
    }

    [Fact]
    public async Task Item_of_a_namespaced_kind_without_namespace_is_a_clear_error()
    {
        using var client = NewClient(defaultNamespace: null);

        await FluentActions.Awaiting(() => client.GetAsync<V1Pod>("p"))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*Pod 'p' is namespaced*metadata.namespace*");
    }

    public static TheoryData<ListOptions?, bool, string> Queries => new()
    {
        { null, false, "" },
        { null, true, "watch=true" },
        { new ListOptions { LabelSelector = "app in (a,b),!legacy" }, false, "labelSelector=app in (a,b),!legacy" },
        { new ListOptions { FieldSelector = "metadata.name=x", Limit = 50, Continue = "tok" }, false, "fieldSelector=metadata.name=x&limit=50&continue=tok" },
        { new ListOptions { ResourceVersion = "12", AllowWatchBookmarks = true, TimeoutSeconds = 30 }, true, "watch=true&resourceVersion=12&timeoutSeconds=30&allowWatchBookmarks=true" },
        { new ListOptions { AllowWatchBookmarks = true }, false, "" },
    };

    /// <summary>Each expected parameter is sent with its value, and no other (the official client orders them its own way).</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_strings_carry_selectors_pagination_and_watch_flags(ListOptions? options, bool watch, string expected)
    {
        _handler.Respond(HttpStatusCode.OK, watch ? "" : """{"metadata":{"resourceVersion":"1"},"items":[]}""");
        using var client = NewClient(defaultNamespace: "team");

        if (watch)
        {
            await foreach (var _ in client.WatchAsync<V1Pod>("team", options))
            {
            }
        }
        else
        {
            await client.ListPageAsync<V1Pod>("team", options);
        }

        var sent = HttpUtility.ParseQueryString(_handler.Requests[0].Uri.Query);
        var wanted = HttpUtility.ParseQueryString(expected);
        sent.AllKeys.Should().BeEquivalentTo(wanted.AllKeys);
        foreach (var key in wanted.AllKeys)
        {
            sent[key].Should().Be(wanted[key], "parameter {0}", key);
        }
    }

    [Fact]
    public void An_entity_without_the_attribute_is_named_in_the_error() =>
        FluentActions.Invoking(() => EntityResource.FromType(typeof(string)))
            .Should().Throw<InvalidOperationException>().WithMessage("*System.String*[KubernetesEntity*");

    private KubernetesClient NewClient(string? defaultNamespace) =>
        new(new KubernetesClientConfiguration { Host = "https://kube.example:6443/", Namespace = defaultNamespace }, null, _handler);
}
