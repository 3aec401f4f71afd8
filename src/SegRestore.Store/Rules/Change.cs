namespace SegRestore.Store.Rules;

/// <summary>The outcome of a pure decision: the value to keep and whether it differs from what is stored.</summary>
public readonly record struct Change<T>(T Value, bool Changed);
