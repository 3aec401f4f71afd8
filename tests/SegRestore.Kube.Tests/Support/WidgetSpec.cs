namespace SegRestore.Kube.Tests.Support;

public sealed class WidgetSpec
{
    public string Size { get; set; } = "small";
}
