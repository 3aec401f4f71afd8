namespace SegRestore.Kube.Controller;

/// <summary>
/// The result of a finalizer change: the object as the server now has it, or a conflict (the object changed since it
/// was read; requeue and decide again on the fresh state, never count it as a failure).
/// </summary>
public sealed record FinalizerUpdate<TEntity>(TEntity? Entity, bool Conflict);
