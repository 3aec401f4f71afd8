using YamlDotNet.Serialization;

namespace SegRestore.Kube.Client.KubeConfig;

/// <summary>An entry of <c>users</c>.</summary>
public sealed class NamedKubeConfigUser
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "user")]
    public KubeConfigUser User { get; set; } = new();
}
