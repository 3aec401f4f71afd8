namespace SegRestore.Store.Tests.Conformance;

/// <summary>Marks a conformance subclass whose tests a developer may skip deliberately by setting
/// <see cref="SkipVariable"/>=1. Without it set, the tests run (and fail loudly when the backend is missing).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OptionalBackendAttribute(string skipVariable) : Attribute
{
    public string SkipVariable { get; } = skipVariable;
}
