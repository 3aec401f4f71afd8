using k8s;
using k8s.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class StuckWorkerTests
{
    private static readonly DateTime Created = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    private static readonly StuckWorkerGraces Graces = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(10));

    public static TheoryData<string, V1Pod, int, string?, int?> Cases => new()
    {
        // because, pod, seconds since creation, expected reason, expected recheck in seconds
        { "running worker is fine", Waiting("worker", null), 600, null, null },
        { "pulling is not a problem", Waiting("worker", "ContainerCreating"), 600, null, null },
        { "config error inside its grace waits", Waiting("worker", "CreateContainerConfigError"), 10, null, 20 },
        { "config error past its grace ends the attempt", Waiting("worker", "CreateContainerConfigError"), 30, StuckWorker.WorkerConfigError, null },
        { "create error past its grace", Waiting("worker", "CreateContainerError"), 31, StuckWorker.WorkerConfigError, null },
        { "init container config error counts too", Waiting("install-br", "CreateContainerConfigError", init: true), 40, StuckWorker.WorkerConfigError, null },
        { "invalid image name ends at once", Waiting("install-br", "InvalidImageName", init: true), 0, StuckWorker.WorkerImageUnavailable, null },
        { "image pull back-off inside its grace", Waiting("install-br", "ImagePullBackOff", init: true), 5, null, 40 },
        { "image pull back-off past its grace", Waiting("install-br", "ImagePullBackOff", init: true), 45, StuckWorker.WorkerImageUnavailable, null },
        { "err image pull past its grace", Waiting("worker", "ErrImagePull"), 60, StuckWorker.WorkerImageUnavailable, null },
        { "never pull past its grace", Waiting("worker", "ErrImageNeverPull"), 46, StuckWorker.WorkerImageUnavailable, null },
        { "unschedulable inside its grace", Unschedulable(), 60, null, 540 },
        { "unschedulable past its grace", Unschedulable(), 600, StuckWorker.WorkerUnschedulable, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_worker_that_will_never_start_ends_its_attempt_after_its_grace(string because, V1Pod pod, int seconds, string? reason, int? recheck)
    {
        var stuck = StuckWorker.Of(pod, new DateTimeOffset(Created).AddSeconds(seconds), Graces);

        stuck.Reason.Should().Be(reason, because);
        stuck.Stuck.Should().Be(reason is not null, because);
        stuck.RecheckIn.Should().Be(recheck is { } r ? TimeSpan.FromSeconds(r) : null, because);
        if (reason is not null)
        {
            stuck.Message.Should().Contain("s-a1", because);
        }
    }

    [Fact]
    public void The_kubelets_message_is_kept_and_bounded()
    {
        var pod = Waiting("worker", "CreateContainerConfigError", message: "secret \"s3-creds\" not found" + new string('x', 5000));

        var stuck = StuckWorker.Of(pod, new DateTimeOffset(Created).AddMinutes(5), Graces);

        stuck.Message.Should().Contain("secret \"s3-creds\" not found").And.Contain("create it");
        stuck.Message!.Length.Should().BeLessThan(1000);
    }

    private static V1Pod Waiting(string container, string? reason, bool init = false, string? message = null)
    {
        var status = new V1ContainerStatus
        {
            Name = container,
            Image = "pingcap/br:e2e",
            State = reason is null
                ? new V1ContainerState { Running = new V1ContainerStateRunning() }
                : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message ?? "m" } },
        };
        return new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "s-a1", CreationTimestamp = Created },
            Status = new V1PodStatus
            {
                Phase = "Pending",
                InitContainerStatuses = init ? [status] : null,
                ContainerStatuses = init ? null : [status],
            },
        };
    }

    private static V1Pod Unschedulable() => new()
    {
        Metadata = new V1ObjectMeta { Name = "s-a1", CreationTimestamp = Created },
        Status = new V1PodStatus
        {
            Phase = "Pending",
            Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = "0/1 nodes are available" }],
        },
    };
}
