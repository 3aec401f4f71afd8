namespace SegRestore.Kube.Events;

/// <summary>Who reports the events (<c>source.component</c>, <c>reportingComponent</c>, <c>reportingInstance</c>).</summary>
public sealed record EventRecorderOptions
{
    public string Component { get; init; } = "segrestore-operator";

    public string Instance { get; init; } = Environment.MachineName;
}
