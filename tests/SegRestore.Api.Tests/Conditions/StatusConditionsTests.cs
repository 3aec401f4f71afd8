using k8s;
using k8s.Models;
using SegRestore.Api.Conditions;
using SegRestore.Api.Models;

namespace SegRestore.Api.Tests.Conditions;

public class StatusConditionsTests
{
    private static readonly DateTime T0 = new(2026, 1, 22, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T1 = new(2026, 1, 22, 0, 5, 0, 250, DateTimeKind.Utc);

    [Fact]
    public void A_new_condition_is_appended_with_the_clock_truncated_to_seconds()
    {
        var result = StatusConditions.Set(null, ConditionTypes.Held, ConditionStatus.True, "Held", "spec.hold is true", 3, T1);

        result.Should().ContainSingle();
        result[0].LastTransitionTime.Should().Be(new DateTime(2026, 1, 22, 0, 5, 0, DateTimeKind.Utc));
        result[0].ObservedGeneration.Should().Be(3);
    }

    [Fact]
    public void Transition_time_stays_when_only_reason_message_or_generation_change()
    {
        var first = StatusConditions.Set(null, ConditionTypes.Validated, ConditionStatus.True, "Valid", "ok", 1, T0);

        var second = StatusConditions.Set(first, ConditionTypes.Validated, ConditionStatus.True, "StillValid", "still ok", 2, T1);

        second[0].LastTransitionTime.Should().Be(T0);
        second[0].Reason.Should().Be("StillValid");
        second[0].Message.Should().Be("still ok");
        second[0].ObservedGeneration.Should().Be(2);
    }

    [Fact]
    public void Transition_time_moves_when_the_status_changes()
    {
        var first = StatusConditions.Set(null, ConditionTypes.Validated, ConditionStatus.True, "Valid", "ok", 1, T0);

        var second = StatusConditions.Set(first, ConditionTypes.Validated, ConditionStatus.False, "ChainCycle", "loop", 2, T1);

        second[0].LastTransitionTime.Should().Be(new DateTime(2026, 1, 22, 0, 5, 0, DateTimeKind.Utc));
        second[0].Status.Should().Be(ConditionStatus.False);
    }

    [Fact]
    public void Other_conditions_keep_their_order_and_the_input_is_not_modified()
    {
        List<V1Condition> input =
        [
            new() { Type = ConditionTypes.Validated, Status = ConditionStatus.True, Reason = "Valid", LastTransitionTime = T0 },
            new() { Type = ConditionTypes.Held, Status = ConditionStatus.True, Reason = "Held", LastTransitionTime = T0 },
        ];

        var result = StatusConditions.Set(input, ConditionTypes.Held, ConditionStatus.False, "Released", "hold cleared", 4, T1);

        result.Select(condition => condition.Type).Should().Equal(ConditionTypes.Validated, ConditionTypes.Held);
        input[1].Status.Should().Be(ConditionStatus.True);
        StatusConditions.IsTrue(result, ConditionTypes.Held).Should().BeFalse();
        StatusConditions.IsTrue(result, ConditionTypes.Validated).Should().BeTrue();
        StatusConditions.Find(result, ConditionTypes.Failed).Should().BeNull();
    }
}
