using System.Text.Json;
using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;
using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;
using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Tests.Workers;

/// <summary>
/// Issue 11 "Hostile input": shell metacharacters that are valid input (a table filter, an extra argument's value,
/// storage options) pass the spec rules and reach BR only as single argv elements: the worker pod carries the argv as
/// a JSON array (SEGRESTORE_BR_ARGS) and the worker starts BR without a shell, so nothing is ever word-split or
/// evaluated.
/// </summary>
public class HostileArgvTests
{
    public static TheoryData<string> Metacharacters =>
    [
        "$(touch${IFS}/tmp/pwned)", "`id`", "a;reboot", "a&&b", "a|b", "'quoted'", "\"dq\"", "${IFS}", "*", "~root",
        "a\\b", "<in", ">out", "#comment", "!history", "é😀",
    ];

    [Theory]
    [MemberData(nameof(Metacharacters))]
    public void A_hostile_but_valid_extra_arg_value_is_one_argv_element_in_the_pods_json(string value)
    {
        var extra = "--ratelimit=" + value;
        var argv = PodArgv(s => s.Br = new BrSpec { ExtraArgs = [extra] });

        argv.Should().ContainSingle(a => a.Contains(value, StringComparison.Ordinal)).Which.Should().Be(extra);
        argv.Should().HaveCount(PodArgv(s => s.Br = new BrSpec { ExtraArgs = ["--ratelimit=1"] }).Count);
    }

    [Theory]
    [InlineData("--ratelimit=a b")]
    [InlineData("--ratelimit=a\nb")]
    [InlineData("--ratelimit=1 --pd=evil:2379")]
    public void Whitespace_in_an_extra_arg_is_refused_because_it_would_read_as_two_flags(string extra)
    {
        var violation = SegmentSpecRules.Check(WorkerPodFixture.Segment(s => s.Br = new BrSpec { ExtraArgs = [extra] }).Spec);

        violation.Should().NotBeNull();
        violation!.Reason.Should().Be(ChainReason.ForbiddenExtraArg);
        violation.Message.Should().StartWith("spec.br.extraArgs[0]");
    }

    [Theory]
    [InlineData("`db;$(id)`.*")]
    [InlineData("`a b`.`c|d`")]
    [InlineData("shop.`x``y`")]
    public void A_hostile_but_valid_table_filter_is_one_argv_element_in_the_pods_json(string filter)
    {
        var argv = PodArgv(s => s.Br = new BrSpec { Filter = [filter] });

        argv.Where(a => a.Contains(filter, StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().BeOneOf(filter, "--filter=" + filter);
    }

    [Fact]
    public void Hostile_s3_options_stay_inside_the_storage_url_element()
    {
        var argv = PodArgv(s => s.Log = new StorageSpec
        {
            Url = "s3://backups/log",
            SecretName = "s3-creds",
            S3 = new SegRestore.Api.Models.S3StorageOptions { Region = "us-east-1;ZZ1", Endpoint = "http://minio:9000/$(ZZ2)", Sse = "`ZZ3`" },
        });
        var baseline = PodArgv(_ => { });

        argv.Should().HaveCount(baseline.Count);
        argv.Where(a => a.Contains("ZZ", StringComparison.Ordinal)).Should().ContainSingle().And.OnlyContain(a => a.StartsWith("s3://backups/log", StringComparison.Ordinal));
    }

    /// <summary>Spec -> rules -> BR argv -> the worker pod -> its SEGRESTORE_BR_ARGS read back as JSON.</summary>
    private static List<string> PodArgv(Action<PointRestoreSegmentSpec> change)
    {
        var segment = WorkerPodFixture.Segment(change);
        SegmentSpecRules.Check(segment.Spec).Should().BeNull("the value is valid input, so it must reach BR");
        var command = BrArgumentBuilder.Build(BrRestoreRequestMapper.FromSpec(
            segment.Spec,
            new SegmentResolution(new Tso(463736294698909699), SegmentSpecRules.ParseOptional(segment.Spec.RestoredTs), CheckpointMode.Managed, null),
            new BrCapabilities(SegRestore.Br.Probe.BrDialect.LastSegment, true, new BrVersionInfo("v8.5.0", null, null, null, null, "v8.5.0"))));
        var pod = WorkerPodBuilder.Build(WorkerPodFixture.Request(segment, command: command));
        var json = pod.Spec!.Containers!.Single().Env!.Single(e => e.Name == WorkerEnv.BrArgs).Value!;
        var argv = JsonSerializer.Deserialize<List<string>>(json)!;
        argv.Should().Equal(command.Argv, "the pod carries the argv exactly");
        return argv;
    }
}
