namespace SegRestore.Api.Schema;

/// <summary>
/// The property's <c>[RegularExpression]</c> also becomes an <c>x-kubernetes-validations</c> rule
/// <c>self.matches('...')</c> with this message, so that a refused value is answered with the fix instead of only
/// the bare regex (a real API server reports both; LocalCluster evaluates this shape of rule).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}
