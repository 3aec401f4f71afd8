using k8s;
using k8s.Models;
using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.ConfigMaps;

public sealed class ConfigMapMappingTests
{
    [Fact]
    public void ToKubernetes_copies_every_map_into_the_namespace_and_omits_empty_ones()
    {
        byte[] bytes = [1, 2, 3];
        var source = new ConfigMapObject("n", "42", new Dictionary<string, string> { ["l"] = "v" }, new Dictionary<string, string>(),
            new Dictionary<string, byte[]> { ["b"] = bytes })
        { Annotations = new Dictionary<string, string> { ["a"] = "x" } };

        var mapped = ConfigMapMapping.ToKubernetes(source, "ns");
        bytes[0] = 9;

        mapped.Metadata.Name.Should().Be("n");
        mapped.Metadata.NamespaceProperty.Should().Be("ns");
        mapped.Metadata.ResourceVersion.Should().Be("42");
        mapped.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["l"] = "v" });
        mapped.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { ["a"] = "x" });
        mapped.Data.Should().BeNull();
        mapped.BinaryData!["b"].Should().Equal(1, 2, 3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FromKubernetes_reads_nulls_as_empty_and_keeps_data_only_when_asked(bool includeData)
    {
        var created = new DateTime(2026, 1, 22, 3, 4, 5, DateTimeKind.Utc);
        var source = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "n", ResourceVersion = "7", CreationTimestamp = created },
            Data = new Dictionary<string, string> { ["d"] = "text" },
            BinaryData = new Dictionary<string, byte[]> { ["b"] = [5] },
        };

        var mapped = ConfigMapMapping.FromKubernetes(source, includeData);

        mapped.Labels.Should().BeEmpty();
        mapped.Annotations.Should().BeEmpty();
        mapped.CreationTimestamp.Should().Be(new DateTimeOffset(created));
        mapped.Data.Count.Should().Be(includeData ? 1 : 0);
        mapped.BinaryData.Count.Should().Be(includeData ? 1 : 0);
    }
}
