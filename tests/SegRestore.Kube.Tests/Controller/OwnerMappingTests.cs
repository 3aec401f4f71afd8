using k8s;
using k8s.Models;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Controller;

public class OwnerMappingTests
{
    private static V1Pod Pod(IList<V1OwnerReference>? owners = null, IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "worker", NamespaceProperty = "ns", OwnerReferences = owners, Labels = labels },
    };

    [Fact]
    public void Owner_references_of_the_owners_kind_and_version_map_to_owner_keys()
    {
        var map = OwnerMapping.ByOwnerReference<V1Pod, V1ConfigMap>();
        var pod = Pod([
            new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = "u" },
            new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ConfigMap", Name = "other-group", Uid = "u2" },
            new V1OwnerReference { ApiVersion = "v1", Kind = "Secret", Name = "other-kind", Uid = "u3" },
        ]);

        map(pod).Should().Equal(new ObjectKey("ns", "owner"));
        map(Pod()).Should().BeEmpty();
    }

    [Fact]
    public void A_label_names_the_owner_in_the_same_namespace()
    {
        var map = OwnerMapping.ByLabel<V1Pod>("segrestore.io/segment");

        map(Pod(labels: new Dictionary<string, string> { ["segrestore.io/segment"] = "seg-1" })).Should().Equal(new ObjectKey("ns", "seg-1"));
        map(Pod(labels: new Dictionary<string, string> { ["other"] = "x" })).Should().BeEmpty();
    }
}
