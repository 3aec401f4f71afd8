using k8s;
using k8s.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class PodObservationTests
{
    public static TheoryData<string, V1Pod?, PodLife, int?> Cases => new()
    {
        { "no pod", null, PodLife.Gone, null },
        { "pending", Pod("Pending"), PodLife.Live, null },
        { "running", Pod("Running"), PodLife.Live, null },
        { "running, being deleted", Pod("Running", deleting: true), PodLife.Terminating, null },
        { "failed with 137", Pod("Failed", exitCode: 137), PodLife.Terminated, 137 },
        { "succeeded", Pod("Succeeded", exitCode: 0), PodLife.Terminated, 0 },
        { "phase still Running but worker exited", Pod("Running", exitCode: 1), PodLife.Terminated, 1 },
        { "failed before the worker started", Pod("Failed"), PodLife.Terminated, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pods_life_decides_whether_a_new_attempt_may_start(string because, V1Pod? pod, PodLife life, int? exitCode)
    {
        var observed = PodObservation.Of(pod);
        observed.Life.Should().Be(life, because);
        observed.ExitCode.Should().Be(exitCode, because);
    }

    private static V1Pod Pod(string phase, int? exitCode = null, bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = "s-a1", DeletionTimestamp = deleting ? DateTime.UtcNow : null },
        Status = new V1PodStatus
        {
            Phase = phase,
            ContainerStatuses = exitCode is { } code
                ? [new V1ContainerStatus { Name = "worker", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = code, Message = "m" } } }]
                : null,
        },
    };
}
