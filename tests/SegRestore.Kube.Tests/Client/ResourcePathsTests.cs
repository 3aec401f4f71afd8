using SegRestore.Kube.Client;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Tests.Client;

public class ResourcePathsTests
{
    private static readonly EntityResource Pods = EntityResource.For<V1Pod>();
    private static readonly EntityResource Leases = EntityResource.For<V1Lease>();
    private static readonly EntityResource Nodes = new("", "v1", "Node", "nodes", Namespaced: false);

    public static TheoryData<EntityResource, string?, string> Collections => new()
    {
        { Pods, "ns1", "/api/v1/namespaces/ns1/pods" },
        { Pods, null, "/api/v1/pods" },
        { Leases, "kube-system", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases" },
        { Nodes, "ignored", "/api/v1/nodes" },
    };

    [Theory]
    [MemberData(nameof(Collections))]
    public void Collection_paths_follow_group_version_and_scope(EntityResource resource, string? ns, string expected) =>
        ResourcePaths.Collection(resource, ns).Should().Be(expected);

    [Fact]
    public void Item_paths_escape_names_and_append_subresources() =>
        ResourcePaths.Item(Leases, "a b", "x", "status").Should().Be("/apis/coordination.k8s.io/v1/namespaces/a%20b/leases/x/status");

    [Fact]
    public void Item_of_a_namespaced_kind_without_namespace_is_a_clear_error() =>
        FluentActions.Invoking(() => ResourcePaths.Item(Pods, null, "p"))
            .Should().Throw<ArgumentException>().WithMessage("*Pod 'p' is namespaced*metadata.namespace*");

    public static TheoryData<ListOptions?, bool, string> Queries => new()
    {
        { null, false, "" },
        { null, true, "?watch=1" },
        { new ListOptions { LabelSelector = "app in (a,b),!legacy" }, false, "?labelSelector=app%20in%20%28a%2Cb%29%2C%21legacy" },
        { new ListOptions { FieldSelector = "metadata.name=x", Limit = 50, Continue = "tok" }, false, "?fieldSelector=metadata.name%3Dx&limit=50&continue=tok" },
        { new ListOptions { ResourceVersion = "12", AllowWatchBookmarks = true, TimeoutSeconds = 30 }, true, "?watch=1&resourceVersion=12&timeoutSeconds=30&allowWatchBookmarks=true" },
        { new ListOptions { AllowWatchBookmarks = true }, false, "" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_strings_carry_selectors_pagination_and_watch_flags(ListOptions? options, bool watch, string expected) =>
        ResourcePaths.Query(options, watch).Should().Be(expected);

    [Fact]
    public void An_entity_without_the_attribute_is_named_in_the_error() =>
        FluentActions.Invoking(() => EntityResource.FromType(typeof(string)))
            .Should().Throw<InvalidOperationException>().WithMessage("*System.String*[KubernetesEntity*");
}
