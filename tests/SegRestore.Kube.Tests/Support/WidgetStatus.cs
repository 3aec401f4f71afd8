using SegRestore.Kube.Models;

namespace SegRestore.Kube.Tests.Support;

public sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public IList<V1Condition>? Conditions { get; set; }
}
