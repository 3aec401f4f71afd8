using k8s;
using k8s.Models;

namespace SegRestore.Operator.Controller;

/// <summary>What a worker pod's state means for its attempt, pure.</summary>
public sealed record PodObservation(PodLife Life, int? ExitCode, string? TerminationMessage)
{
    public static PodObservation Of(V1Pod? pod)
    {
        if (pod is null)
        {
            return new PodObservation(PodLife.Gone, null, null);
        }

        var worker = pod.Status?.ContainerStatuses?.FirstOrDefault(s => s.Name == "worker");
        var terminated = worker?.State?.Terminated;
        if (pod.Status?.Phase is "Succeeded" or "Failed" || terminated is not null)
        {
            return new PodObservation(PodLife.Terminated, terminated?.ExitCode, terminated?.Message);
        }

        return pod.Metadata.DeletionTimestamp is not null
            ? new PodObservation(PodLife.Terminating, null, null)
            : new PodObservation(PodLife.Live, null, null);
    }
}
