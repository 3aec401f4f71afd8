namespace SegRestore.Kube.Client;

/// <summary>Where an entity lives (KubeOps' <c>EntityScope</c>).</summary>
public enum EntityScope
{
    Namespaced,
    Cluster,
}
