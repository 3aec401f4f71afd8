using k8s;
using k8s.Models;

namespace SegRestore.Kube.Tests.Support;

public sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public IList<V1Condition>? Conditions { get; set; }
}
