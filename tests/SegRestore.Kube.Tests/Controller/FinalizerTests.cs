using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Moq;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.Tests.Controller;

public class FinalizerTests
{
    private const string Finalizer = "segrestore.io/ledger";

    private static V1ConfigMap Map(params string[] finalizers) => new()
    {
        Metadata = new V1ObjectMeta { Name = "m", NamespaceProperty = "ns", ResourceVersion = "42", Finalizers = finalizers.Length == 0 ? null : finalizers },
    };

    [Fact]
    public void Adding_patches_the_whole_list_with_the_read_resource_version()
    {
        var patch = FinalizerPatches.Add(Map("other").Metadata, Finalizer)!;

        patch.Type.Should().Be(V1Patch.PatchType.MergePatch);
        var metadata = JsonNode.Parse((string)patch.Content)!["metadata"]!;
        metadata["resourceVersion"]!.GetValue<string>().Should().Be("42");
        metadata["finalizers"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("other", Finalizer);
    }

    [Fact]
    public void Removing_keeps_the_other_finalizers()
    {
        var patch = FinalizerPatches.Remove(Map("a", Finalizer, "b").Metadata, Finalizer)!;

        JsonNode.Parse((string)patch.Content)!["metadata"]!["finalizers"]!.AsArray().Select(n => n!.GetValue<string>())
            .Should().Equal("a", "b");
    }

    [Fact]
    public void No_patch_is_needed_when_nothing_changes()
    {
        FinalizerPatches.Add(Map(Finalizer).Metadata, Finalizer).Should().BeNull();
        FinalizerPatches.Remove(Map("a").Metadata, Finalizer).Should().BeNull();
    }

    [Fact]
    public void A_finalizer_patch_without_resource_version_is_refused()
    {
        var map = Map();
        map.Metadata.ResourceVersion = null;

        FluentActions.Invoking(() => FinalizerPatches.Add(map.Metadata, Finalizer))
            .Should().Throw<ArgumentException>().WithMessage("*resourceVersion*");
    }

    [Fact]
    public async Task A_conflict_is_reported_as_conflict_not_thrown()
    {
        var client = new Mock<IKubernetesClient>();
        client.Setup(c => c.PatchAsync<V1ConfigMap>("m", "ns", It.IsAny<V1Patch>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KubernetesApiException(new V1Status { Code = 409, Reason = "Conflict" }));

        var update = await client.Object.RemoveFinalizerAsync(Map(Finalizer), Finalizer);

        update.Conflict.Should().BeTrue();
        update.Entity.Should().BeNull();
    }

    [Fact]
    public async Task A_successful_patch_returns_the_servers_object()
    {
        var client = new Mock<IKubernetesClient>();
        var patched = Map(Finalizer);
        client.Setup(c => c.PatchAsync<V1ConfigMap>("m", "ns", It.IsAny<V1Patch>(), It.IsAny<CancellationToken>())).ReturnsAsync(patched);

        var update = await client.Object.AddFinalizerAsync(Map(), Finalizer);

        update.Should().Be(new FinalizerUpdate<V1ConfigMap>(patched, Conflict: false));
    }
}
