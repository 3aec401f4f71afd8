using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>A second test CRD without a status subresource and with free-form content.</summary>
public static class GadgetCrd
{
    public const string Path = "/apis/gadgets.segrestore.io/v1";

    public static async Task<string> Ensure(ClusterFixture cluster)
    {
        var existing = await cluster.Http.Get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.gadgets.segrestore.io");
        if (existing.Code == 404)
        {
            var created = await cluster.Http.Post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Definition());
            created.Code.Should().BeOneOf(201, 409);
        }

        await Eventually.Until(async () => (await cluster.Http.Get($"{Path}/gadgets")).Code == 200, "the Gadget CRD is served");
        return Path;
    }

    public static JsonObject Gadget(string name) => new()
    {
        ["apiVersion"] = "gadgets.segrestore.io/v1",
        ["kind"] = "Gadget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["size"] = 1 },
    };

    private static JsonObject Definition() => (JsonObject)JsonNode.Parse("""
        {
          "apiVersion": "apiextensions.k8s.io/v1",
          "kind": "CustomResourceDefinition",
          "metadata": {"name": "gadgets.gadgets.segrestore.io"},
          "spec": {
            "group": "gadgets.segrestore.io",
            "scope": "Namespaced",
            "names": {"plural": "gadgets", "singular": "gadget", "kind": "Gadget"},
            "versions": [{
              "name": "v1", "served": true, "storage": true,
              "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                "spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}}
            }]
          }
        }
        """)!;
}
