using SegRestore.Kube.Client;

namespace SegRestore.Operator.Controller;

/// <summary>
/// A write refused with 409 Conflict (not AlreadyExists) means the reconcile worked on an older copy of the object
/// than the server's — usually the operator's own previous write, not yet back through the informer's watch. That is
/// not a failed reconcile: the ledger holds the truth, and the next reconcile (the newer object's watch event and a
/// requeue both cause one) recomposes everything from it.
/// </summary>
public static class StaleWrite
{
    public static bool Is(Exception exception) => exception is KubernetesApiException { IsConflict: true };
}
