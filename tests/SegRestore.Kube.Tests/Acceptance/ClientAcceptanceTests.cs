using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.Tests.Acceptance;

[Collection(LocalClusterTests.Name)]
public sealed class ClientAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _client = cluster.NewClient();

    public void Dispose() => _client.Dispose();

    private static V1ConfigMap Map(string ns, string name, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels },
        Data = new Dictionary<string, string> { ["k"] = "v" },
    };

    [Fact]
    public async Task Crud_round_trip_over_https_with_the_kubeconfig_token_and_ca()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "crud");

        var created = await _client.CreateAsync(Map(ns, "a"));
        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Data!["k"] = "v2";
        var replaced = await _client.ReplaceAsync(created);
        var read = await _client.GetAsync<V1ConfigMap>("a", ns);
        var deleted = await _client.DeleteAsync<V1ConfigMap>("a", ns);

        read!.Data!["k"].Should().Be("v2");
        replaced.Metadata.ResourceVersion.Should().NotBe(created.Metadata.ResourceVersion);
        (await _client.GetAsync<V1ConfigMap>("a", ns)).Should().BeNull();
        deleted?.Metadata.Name.Should().Be("a");
    }

    [Fact]
    public async Task Stale_writes_and_duplicates_fail_with_the_servers_reason()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "conflict");
        var first = await _client.CreateAsync(Map(ns, "a"));
        var changed = await _client.GetAsync<V1ConfigMap>("a", ns);
        changed!.Data!["k"] = "changed";
        await _client.ReplaceAsync(changed);

        var stale = (await FluentActions.Awaiting(() => _client.ReplaceAsync(first)).Should().ThrowAsync<KubernetesApiException>()).Which;
        var duplicate = (await FluentActions.Awaiting(() => _client.CreateAsync(Map(ns, "a"))).Should().ThrowAsync<KubernetesApiException>()).Which;
        var precondition = (await FluentActions.Awaiting(() => _client.DeleteAsync<V1ConfigMap>("a", ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } })).Should().ThrowAsync<KubernetesApiException>()).Which;

        stale.IsConflict.Should().BeTrue();
        stale.Status.Message.Should().Contain("the object has been modified");
        duplicate.IsAlreadyExists.Should().BeTrue();
        precondition.Code.Should().Be(409);
    }

    [Fact]
    public async Task Lists_page_through_selected_objects()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "list");
        for (var i = 0; i < 7; i++)
        {
            await _client.CreateAsync(Map(ns, $"m{i}", new Dictionary<string, string> { ["parity"] = i % 2 == 0 ? "even" : "odd" }));
        }

        var firstPage = await _client.ListPageAsync<V1ConfigMap>(ns, new ListOptions { Limit = 2 });
        var all = await _client.ListAsync<V1ConfigMap>(ns, new ListOptions { Limit = 2 });
        var even = await _client.ListAsync<V1ConfigMap>(ns, new ListOptions { LabelSelector = "parity in (even)", Limit = 3 });
        var byName = await _client.ListAsync<V1ConfigMap>(ns, new ListOptions { FieldSelector = "metadata.name=m3" });

        firstPage.Items.Should().HaveCount(2);
        firstPage.Metadata.ContinueProperty.Should().NotBeNullOrEmpty();
        all.Items.Should().HaveCount(7);
        even.Items.Select(m => m.Metadata.Name).Should().BeEquivalentTo(["m0", "m2", "m4", "m6"]);
        byName.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("m3");
    }

    [Fact]
    public async Task Patches_and_the_status_subresource_work_on_the_server()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "patch");
        await _client.CreateAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = ns },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "busybox" }], RestartPolicy = "Never" },
        });

        var merged = await _client.PatchAsync<V1Pod>("p", ns, Patches.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["a"] = "1" } },
        }));
        var tested = await _client.PatchAsync<V1Pod>("p", ns, Patches.Json(
        [
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/labels/a", ["value"] = "1" },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels/b", ["value"] = "2" },
        ]));
        tested.Status = new V1PodStatus { Phase = "Succeeded", Message = "done" };
        var statusWritten = await _client.ReplaceStatusAsync(tested);
        var statusPatched = await _client.PatchStatusAsync<V1Pod>("p", ns, Patches.Merge(new JsonObject
        {
            ["status"] = new JsonObject { ["message"] = "patched" },
        }));

        merged.Metadata.Labels!["a"].Should().Be("1");
        tested.Metadata.Labels!["b"].Should().Be("2");
        statusWritten.Status!.Phase.Should().Be("Succeeded");
        statusPatched.Status!.Message.Should().Be("patched");
    }

    [Fact]
    public async Task Finalizer_patches_carry_a_resource_version_precondition()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "finalizer");
        var original = await _client.CreateAsync(Map(ns, "f"));

        var added = await _client.AddFinalizerAsync(original, "segrestore.io/test");
        var stale = await _client.RemoveFinalizerAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "f", NamespaceProperty = ns, ResourceVersion = original.Metadata.ResourceVersion, Finalizers = ["segrestore.io/test"] } },
            "segrestore.io/test");
        await _client.DeleteAsync<V1ConfigMap>("f", ns);
        var deleting = await _client.GetAsync<V1ConfigMap>("f", ns);
        var removed = await _client.RemoveFinalizerAsync(deleting!, "segrestore.io/test");

        added.Entity!.Metadata.Finalizers.Should().Equal("segrestore.io/test");
        stale.Conflict.Should().BeTrue("the object changed since the stale copy was read");
        deleting!.Metadata.DeletionTimestamp.Should().NotBeNull();
        removed.Conflict.Should().BeFalse();
        (await _client.GetAsync<V1ConfigMap>("f", ns)).Should().BeNull("removing the last finalizer completes the deletion");
    }

    [Fact]
    public async Task Lease_micro_times_are_accepted_and_read_back()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "lease");
        var renew = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234560);

        await _client.CreateAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "l", NamespaceProperty = ns },
            Spec = new V1LeaseSpec { HolderIdentity = "me", LeaseDurationSeconds = 15, RenewTime = renew },
        });

        (await _client.GetAsync<V1Lease>("l", ns))!.Spec!.RenewTime.Should().Be(renew);
    }

    [Fact]
    public async Task Secrets_round_trip_bytes_and_string_data()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "secret");

        await _client.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = ns },
            Data = new Dictionary<string, byte[]> { ["bin"] = [0, 1, 2, 255] },
            StringData = new Dictionary<string, string> { ["text"] = "hello" },
            Type = "Opaque",
        });
        var read = await _client.GetAsync<V1Secret>("s", ns);

        read!.Data!["bin"].Should().Equal(0, 1, 2, 255);
        System.Text.Encoding.UTF8.GetString(read.Data["text"]).Should().Be("hello");
    }
}
