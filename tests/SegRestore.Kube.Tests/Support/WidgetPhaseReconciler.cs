using SegRestore.Kube.Client;
using SegRestore.Kube.Controller;

namespace SegRestore.Kube.Tests.Support;

/// <summary>Writes <c>status.phase = Reconciled</c> through the status subresource.</summary>
public sealed class WidgetPhaseReconciler(IKubernetesClient client) : IEntityController<Widget>
{
    public async Task<ReconcileResult> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        if (entity.Status?.Phase == "Reconciled")
        {
            return ReconcileResult.Done();
        }

        entity.Status = new WidgetStatus { Phase = "Reconciled" };
        await client.ReplaceStatusAsync(entity, cancellationToken);
        return ReconcileResult.Done();
    }
}
