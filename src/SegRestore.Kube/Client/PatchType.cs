namespace SegRestore.Kube.Client;

/// <summary>The patch content types (KubernetesClient's <c>V1Patch.PatchType</c>).</summary>
public enum PatchType
{
    /// <summary>RFC 6902 <c>application/json-patch+json</c>.</summary>
    JsonPatch,

    /// <summary>RFC 7386 <c>application/merge-patch+json</c>.</summary>
    MergePatch,

    /// <summary><c>application/strategic-merge-patch+json</c> (built-in kinds only; a custom resource answers 415).</summary>
    StrategicMergePatch,
}
