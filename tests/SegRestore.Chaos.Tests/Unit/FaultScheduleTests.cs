using SegRestore.Chaos.Tests.Infrastructure;

namespace SegRestore.Chaos.Tests.Unit;

public sealed class FaultScheduleTests
{
    [Theory]
    [InlineData(LedgerVariant.ConfigMap)]
    [InlineData(LedgerVariant.Postgres)]
    public void The_same_seed_replays_the_same_schedule(LedgerVariant variant)
    {
        FaultSchedule.Plan(42, variant, 30).Should().Equal(FaultSchedule.Plan(42, variant, 30));
        FaultSchedule.Plan(43, variant, 30).Should().NotEqual(FaultSchedule.Plan(42, variant, 30));
    }

    [Theory]
    [InlineData(LedgerVariant.ConfigMap, FaultKind.ConfigMapConflict, FaultKind.PostgresRestart)]
    [InlineData(LedgerVariant.Postgres, FaultKind.PostgresRestart, FaultKind.ConfigMapConflict)]
    public void The_first_round_meets_every_kind_of_the_variant_and_never_the_other_ledgers_fault(
        LedgerVariant variant, FaultKind ledgerFault, FaultKind foreign)
    {
        var kinds = FaultSchedule.KindsOf(variant);
        var plan = FaultSchedule.Plan(7, variant, 40);
        plan.Take(kinds.Count).Select(f => f.Kind).Should().BeEquivalentTo(kinds);
        kinds.Should().Contain(ledgerFault);
        plan.Should().NotContain(f => f.Kind == foreign);
    }

    [Fact]
    public void Every_planned_fault_carries_parameters_the_injectors_accept()
    {
        foreach (var fault in FaultSchedule.Plan(1234, LedgerVariant.ConfigMap, 200).Concat(FaultSchedule.Plan(99, LedgerVariant.Postgres, 200)))
        {
            fault.Delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1500));
            switch (fault.Kind)
            {
                case FaultKind.ApiFailure:
                    FaultSchedule.ApiVerbs.Should().Contain(fault.Verb);
                    FaultSchedule.ApiResources.Should().Contain(fault.Resource);
                    fault.StatusCode.Should().BeOneOf(409, 500);
                    fault.Count.Should().BeInRange(1, 3);
                    break;
                case FaultKind.ConfigMapConflict:
                    fault.Resource.Should().Be("configmaps");
                    fault.Verb.Should().BeOneOf("update", "patch");
                    fault.StatusCode.Should().Be(409);
                    break;
                case FaultKind.BrKill or FaultKind.BrTransientError:
                    FaultSchedule.BrSteps.Should().Contain(fault.BrStep);
                    fault.BrPercent.Should().BeInRange(10, 90);
                    break;
                case FaultKind.OperatorKill or FaultKind.PostgresRestart:
                    fault.Downtime.Should().BeLessThan(TimeSpan.FromSeconds(5));
                    break;
            }
        }
    }

    [Fact]
    public void A_fault_describes_itself_with_its_number_and_parameters()
    {
        var fault = new PlannedFault { Number = 3, Delay = TimeSpan.FromMilliseconds(1500), Kind = FaultKind.ApiFailure, Verb = "patch", Resource = "pods", Count = 2, StatusCode = 409 };
        fault.ToString().Should().Be("#3 after 1500 ms: ApiFailure patch pods x2 -> 409");
    }
}
