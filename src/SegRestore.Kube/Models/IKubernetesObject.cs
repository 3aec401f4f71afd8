namespace SegRestore.Kube.Models;

/// <summary>Any Kubernetes object: it names its apiVersion and kind (k8s.IKubernetesObject).</summary>
public interface IKubernetesObject
{
    string ApiVersion { get; set; }

    string Kind { get; set; }
}
