namespace SegRestore.LocalCluster.Selectors;

/// <summary>Operators of the label selector grammar.</summary>
public enum SelectorOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}
