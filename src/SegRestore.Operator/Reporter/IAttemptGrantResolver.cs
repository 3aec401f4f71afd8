namespace SegRestore.Operator.Reporter;

/// <summary>
/// Finds the grant of an attempt the registry does not know (yet): after an operator restart, a running worker's
/// calls can arrive before the controller adopted its pod. The operator looks at the pod itself.
/// </summary>
public interface IAttemptGrantResolver
{
    ValueTask<AttemptGrant?> ResolveAsync(string segmentUid, int attempt, CancellationToken cancellationToken);
}
