using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Acceptance;

/// <summary>The generic path a PointRestoreSegment takes: a custom resource with a status subresource.</summary>
[Collection(LocalClusterTests.Name)]
public sealed class CustomResourceAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _client = cluster.NewClient("custom-resources");

    public void Dispose() => _client.Dispose();

    private async Task RegisterWidgetsAsync()
    {
        if (await _client.GetAsync<CustomResourceDefinitionObject>("widgets.tests.segrestore.io") is not null)
        {
            return;
        }

        const string spec = """
            {"group":"tests.segrestore.io","scope":"Namespaced",
             "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
             "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
               "schema":{"openAPIV3Schema":{"type":"object","properties":{
                 "spec":{"type":"object","properties":{"size":{"type":"string","enum":["small","large"]}}},
                 "status":{"type":"object","properties":{"phase":{"type":"string"},
                   "conditions":{"type":"array","items":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}}}}]}
            """;
        await _client.CreateAsync(new CustomResourceDefinitionObject
        {
            Metadata = new V1ObjectMeta { Name = "widgets.tests.segrestore.io" },
            Spec = JsonDocument.Parse(spec).RootElement.Clone(),
        });
    }

    [Fact]
    public async Task A_custom_entity_round_trips_spec_and_status_through_the_generic_client()
    {
        await RegisterWidgetsAsync();
        var ns = await cluster.NewNamespaceAsync(_client, "widgets");

        var created = await _client.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = ns }, Spec = new WidgetSpec { Size = "large" } });
        created.Status = new WidgetStatus
        {
            Phase = "Running",
            Conditions = [new V1Condition { Type = "Ready", Status = "True", Reason = "Up", Message = "ok", LastTransitionTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }],
        };
        var withStatus = await _client.ReplaceStatusAsync(created);
        var patched = await _client.PatchStatusAsync<Widget>("w", ns, Patches.Merge(new JsonObject { ["status"] = new JsonObject { ["phase"] = "Done" } }));
        var invalid = await FluentActions.Awaiting(() => _client.CreateAsync(new Widget
        {
            Metadata = new V1ObjectMeta { Name = "bad", NamespaceProperty = ns },
            Spec = new WidgetSpec { Size = "huge" },
        })).Should().ThrowAsync<KubernetesApiException>();

        withStatus.Status!.Conditions![0].LastTransitionTime.Should().Be(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        patched.Status!.Phase.Should().Be("Done");
        patched.Spec.Size.Should().Be("large");
        invalid.Which.Code.Should().Be(422);
        invalid.Which.Status.Details?.Causes.Should().Contain(c => c.Field == "spec.size");
    }

    [Fact]
    public async Task A_controller_of_a_custom_entity_reconciles_it()
    {
        await RegisterWidgetsAsync();
        var ns = await cluster.NewNamespaceAsync(_client, "widget-controller");
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(_client);
        services.AddSegRestoreController<WidgetPhaseReconciler, Widget>(o => o.Informer = new InformerOptions { Namespace = ns });
        await using var harness = new ControllerHarness(services);
        await harness.StartAsync();

        await _client.CreateAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = ns } });

        await Eventually.AssertAsync(async () => (await _client.GetAsync<Widget>("w", ns))?.Status?.Phase == "Reconciled",
            "the reconciler writes the status");
    }
}
