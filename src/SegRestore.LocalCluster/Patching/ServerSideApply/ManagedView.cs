using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The view of an object field management compares: without apiVersion, kind and the metadata the
/// server sets, limited to the write's <see cref="ManagedScope"/>.</summary>
public static class ManagedView
{
    private static readonly string[] ServerMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "selfLink",
        "deletionTimestamp", "deletionGracePeriodSeconds",
    ];

    public static JsonObject Of(JsonObject? obj, ManagedScope scope)
    {
        var view = obj is null ? [] : (JsonObject)obj.DeepClone();
        view.Remove("apiVersion");
        view.Remove("kind");
        if (view["metadata"] is JsonObject metadata)
        {
            foreach (var field in ServerMetadata)
            {
                metadata.Remove(field);
            }

            if (metadata.Count == 0)
            {
                view.Remove("metadata");
            }
        }

        switch (scope)
        {
            case ManagedScope.WithoutStatus:
                view.Remove("status");
                break;
            case ManagedScope.StatusOnly:
                foreach (var name in view.Select(p => p.Key).Where(k => k != "status").ToList())
                {
                    view.Remove(name);
                }

                break;
        }

        return view;
    }
}
