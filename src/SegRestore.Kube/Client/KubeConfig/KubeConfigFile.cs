using YamlDotNet.Serialization;

namespace SegRestore.Kube.Client.KubeConfig;

/// <summary>A kubeconfig file (<c>clientcmdapi.Config</c>): the parts a client needs.</summary>
public sealed class KubeConfigFile
{
    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }

    [YamlMember(Alias = "contexts")]
    public List<NamedKubeConfigContext> Contexts { get; set; } = [];

    [YamlMember(Alias = "clusters")]
    public List<NamedKubeConfigCluster> Clusters { get; set; } = [];

    [YamlMember(Alias = "users")]
    public List<NamedKubeConfigUser> Users { get; set; } = [];
}
