using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class LostResultTests
{
    [Fact]
    public void A_vanished_pod_is_recorded_as_deleted_so_the_next_attempt_starts_at_once()
    {
        var lost = LostResult.From(2, "s-a2", new PodObservation(PodLife.Gone, null, null));
        lost.Succeeded.Should().BeFalse();
        lost.FailureReason.Should().Be(AttemptPolicy.PodDeleted);
        lost.Message.Should().Contain("s-a2");
    }

    [Theory]
    [InlineData(137, "exit code 137")]
    [InlineData(1, "exited with code 1")]
    [InlineData(null, "without an exit code")]
    public void A_worker_that_ended_silently_is_a_transient_loss_naming_its_exit(int? exitCode, string expected)
    {
        var lost = LostResult.From(1, "s-a1", new PodObservation(PodLife.Terminated, exitCode, "panic: something"));
        lost.FailureReason.Should().Be(AttemptPolicy.WorkerLost);
        lost.Message.Should().Contain(expected);
        AttemptPolicy.IsPermanent(lost.FailureReason).Should().BeFalse();
    }

    [Fact]
    public void The_workers_termination_message_carries_its_failure()
    {
        const string message = """{"segmentUid":"u","attempt":1,"succeeded":false,"exitCode":1,"delivered":false,"reason":"TiFlashReplicaPresent","permanent":true,"remediation":"remove the replica","errorExcerpt":"exist table(s) have tiflash replica"}""";
        var lost = LostResult.From(1, "s-a1", new PodObservation(PodLife.Terminated, 1, message));
        lost.FailureReason.Should().Be("TiFlashReplicaPresent");
        lost.Message.Should().Contain("remove the replica").And.Contain("BR said: exist table(s) have tiflash replica");
    }

    [Fact]
    public void The_workers_termination_message_carries_its_success()
    {
        const string message = """{"segmentUid":"u","attempt":3,"succeeded":true,"exitCode":0,"delivered":false,"restoredTs":"463736294698909699","totalKvCount":5}""";
        var lost = LostResult.From(3, "s-a3", new PodObservation(PodLife.Terminated, 0, message));
        lost.Succeeded.Should().BeTrue();
        lost.RestoredTs.Should().Be(463736294698909699UL);
    }

    [Theory]
    [InlineData("""{"attempt":2,"succeeded":true}""")]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"attempt":"x","succeeded":true}""")]
    public void A_termination_message_of_another_attempt_or_garbage_is_not_trusted(string message)
    {
        var lost = LostResult.From(1, "s-a1", new PodObservation(PodLife.Terminated, 1, message));
        lost.FailureReason.Should().Be(AttemptPolicy.WorkerLost);
    }
}
