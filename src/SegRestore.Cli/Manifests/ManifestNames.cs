namespace SegRestore.Cli.Manifests;

/// <summary>Object names and ports shared by the generated manifests (the chart derives its own from the release).</summary>
public static class ManifestNames
{
    public const string Operator = "segrestore-operator";
    public const string SegmentsRole = "segrestore-segments";
    public const string OperatorNamespaceRole = "segrestore-operator-namespace";
    public const string ReporterPortName = "reporter";
    public const string HttpPortName = "http";
    public const string OperatorComponent = "operator";
    public const string AppName = "segrestore";
    public const string NameLabel = "app.kubernetes.io/name";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
}
