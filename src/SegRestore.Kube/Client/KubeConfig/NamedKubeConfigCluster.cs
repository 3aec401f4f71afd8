using YamlDotNet.Serialization;

namespace SegRestore.Kube.Client.KubeConfig;

/// <summary>An entry of <c>clusters</c>.</summary>
public sealed class NamedKubeConfigCluster
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "cluster")]
    public KubeConfigCluster Cluster { get; set; } = new();
}
