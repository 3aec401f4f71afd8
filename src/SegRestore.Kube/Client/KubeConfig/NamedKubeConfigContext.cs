using YamlDotNet.Serialization;

namespace SegRestore.Kube.Client.KubeConfig;

/// <summary>An entry of <c>contexts</c>.</summary>
public sealed class NamedKubeConfigContext
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "context")]
    public KubeConfigContext Context { get; set; } = new();
}
