namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 KeyToPath</c>.</summary>
public sealed class V1KeyToPath
{
    public string Key { get; set; } = "";

    public string Path { get; set; } = "";

    public int? Mode { get; set; }
}
