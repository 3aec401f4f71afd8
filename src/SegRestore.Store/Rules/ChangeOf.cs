namespace SegRestore.Store.Rules;

/// <summary>Builders for <see cref="Change{T}"/>.</summary>
public static class ChangeOf
{
    public static Change<T> Unchanged<T>(T value) => new(value, false);

    public static Change<T> To<T>(T value) => new(value, true);
}
