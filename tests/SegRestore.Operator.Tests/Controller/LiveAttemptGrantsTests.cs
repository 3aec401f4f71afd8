using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class LiveAttemptGrantsTests
{
    private static readonly string Hash = new('a', 64);

    public static TheoryData<string, V1Pod, bool> Cases => new()
    {
        { "running worker", Pod("Running"), true },
        { "pending worker", Pod("Pending"), true },
        { "terminating worker (still syncs and reports after SIGTERM)", Pod("Running", deleting: true), true },
        { "succeeded pod", Pod("Succeeded"), false },
        { "failed pod", Pod("Failed"), false },
        { "worker container exited", Pod("Running", exited: true), false },
        { "no chain label", Pod("Running", drop: SegRestoreLabels.Chain), false },
        { "no segment label", Pod("Running", drop: SegRestoreLabels.SegmentUid), false },
        { "no attempt label", Pod("Running", drop: SegRestoreLabels.Attempt), false },
        { "attempt not a number", Pod("Running", attempt: "one"), false },
        { "attempt zero", Pod("Running", attempt: "0"), false },
        { "no token hash", Pod("Running", hash: null), false },
        { "token hash not hex", Pod("Running", hash: new string('z', 64)), false },
        { "token hash too short", Pod("Running", hash: "abcd"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_pods_whose_worker_may_still_call_the_reporter_are_re_granted(string because, V1Pod pod, bool granted)
    {
        var seeds = LiveAttemptGrants.From([pod]);
        if (granted)
        {
            seeds.Should().ContainSingle(because)
                .Which.Should().BeEquivalentTo(new AttemptGrantSeed("root-uid", "seg-uid", 2, "seg-a2", Convert.FromHexString(Hash)));
        }
        else
        {
            seeds.Should().BeEmpty(because);
        }
    }

    private static V1Pod Pod(string phase, bool deleting = false, bool exited = false, string? drop = null, string attempt = "2", string? hash = "default")
    {
        var labels = new Dictionary<string, string>
        {
            [SegRestoreLabels.Chain] = "root-uid",
            [SegRestoreLabels.SegmentUid] = "seg-uid",
            [SegRestoreLabels.Attempt] = attempt,
        };
        if (drop is not null)
        {
            labels.Remove(drop);
        }

        return new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "seg-a2",
                Labels = labels,
                Annotations = hash is null ? [] : new Dictionary<string, string> { [SegRestoreLabels.TokenSha256Annotation] = hash == "default" ? Hash : hash },
                DeletionTimestamp = deleting ? DateTime.UtcNow : null,
            },
            Status = new V1PodStatus
            {
                Phase = phase,
                ContainerStatuses = exited
                    ? [new V1ContainerStatus { Name = "worker", State = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0 } } }]
                    : null,
            },
        };
    }
}
