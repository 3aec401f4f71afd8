using SegRestore.Api.Flags;

namespace SegRestore.Api.Tests.Flags;

public class ExtraArgsValidatorTests
{
    [Theory]
    [InlineData("--ratelimit=128")]
    [InlineData("--check-requirements=false")]
    [InlineData("--send-credentials-to-tikv")]
    [InlineData("--s3.sse-kms-key-id=0987dcba")]
    [InlineData("--log-level=debug")]
    [InlineData("--some-flag=a|b;c$(x)")]
    public void Acceptable_tokens_pass(string item)
    {
        ExtraArgsValidator.Check(item, "spec.br.extraArgs[0]").Should().BeNull();
    }

    [Theory]
    [InlineData("--pd", "--pd")]
    [InlineData("--pd=basic-pd:2379", "--pd")]
    [InlineData("-u", "--pd")]
    [InlineData("-u=basic-pd:2379", "--pd")]
    [InlineData("-ubasic-pd:2379", "--pd")]
    [InlineData("-s", "--storage")]
    [InlineData("-s=s3://b/log", "--storage")]
    [InlineData("--storage=s3://b/log", "--storage")]
    [InlineData("--start-ts=1", "--start-ts")]
    [InlineData("--restored-ts=1", "--restored-ts")]
    [InlineData("--last", "--last")]
    [InlineData("--last=false", "--last")]
    [InlineData("--last-segment=true", "--last-segment")]
    [InlineData("--full-backup-storage=s3://b/full", "--full-backup-storage")]
    [InlineData("--checkpoint-storage=local:///x", "--checkpoint-storage")]
    [InlineData("--ca=/etc/ca.crt", "--ca")]
    [InlineData("--cert=/etc/tls.crt", "--cert")]
    [InlineData("--key=/etc/tls.key", "--key")]
    [InlineData("-f=*.*", "--filter")]
    [InlineData("--filter=db.*", "--filter")]
    [InlineData("--azblob.account-key=c2VjcmV0", "--azblob.account-key")]
    [InlineData("--use-checkpoint=false", "--use-checkpoint")]
    [InlineData("--use-checkpoint", "--use-checkpoint")]
    public void Operator_owned_flags_are_rejected_in_every_spelling(string item, string flag)
    {
        var message = ExtraArgsValidator.Check(item, "spec.br.extraArgs[3]");

        message.Should().StartWith("spec.br.extraArgs[3]").And.Contain($"sets {flag},").And.Contain("remove it");
    }

    [Theory]
    [InlineData("-cu=basic-pd:2379", "--pd")]
    [InlineData("-cs", "--storage")]
    [InlineData("-c=true", null)]
    [InlineData("-Lu", null)]
    [InlineData("-Vf=db.*", "--filter")]
    [InlineData("-h", "--help")]
    [InlineData("--help", "--help")]
    [InlineData("-ch", "--help")]
    public void A_shorthand_group_is_read_the_way_pflag_reads_it(string item, string? flag)
    {
        var message = ExtraArgsValidator.Check(item, "spec.br.extraArgs[0]");

        if (flag is null)
        {
            message.Should().Contain("is a short flag").And.Contain("write the long form");
        }
        else
        {
            message.Should().Contain($"sets {flag},").And.Contain("remove it");
        }
    }

    [Theory]
    [InlineData("--PD=10.0.0.1:2379", "--PD", "--pd", "spec.cluster.pd")]
    [InlineData("--Pd", "--Pd", "--pd", "spec.cluster.pd")]
    [InlineData("--Storage=s3://b/x", "--Storage", "--storage", "spec.log.url")]
    [InlineData("--restored_ts=1", "--restored_ts", "--restored-ts", "spec.restoredTs")]
    [InlineData("--Last_Segment=false", "--Last_Segment", "--last-segment", "spec.last")]
    [InlineData("--S3.Region=us-east-1", "--S3.Region", "--s3.region", "spec.log.s3.region")]
    public void A_near_miss_of_an_owned_flag_says_br_is_case_sensitive_and_which_field_sets_it(
        string item, string written, string meant, string field)
    {
        var message = ExtraArgsValidator.Check(item, "spec.br.extraArgs[2]");

        message.Should().StartWith("spec.br.extraArgs[2]").And.Contain("case-sensitive")
            .And.Contain($"unknown flag: {written}").And.Contain($"looks like {meant},").And.Contain(field);
    }

    [Fact]
    public void A_near_miss_does_not_echo_its_value()
    {
        ExtraArgsValidator.Check("--Azblob.Account-Key=c2VjcmV0", "spec.br.extraArgs[0]")
            .Should().NotContain("c2VjcmV0").And.Contain("--Azblob.Account-Key=***");
    }

    [Theory]
    [InlineData("--ratelimit=1\0--pd=x", "U+0000", 14)]
    [InlineData("--ratelimit=1\n--pd=x", "U+000A", 14)]
    [InlineData("--log-level=\u2066debug", "U+2066", 13)]
    [InlineData("--check-requirements=\u202Efalse", "U+202E", 22)]
    [InlineData("--pd\tx", "U+0009", 5)]
    public void Control_characters_are_refused_by_code_point_and_position(string item, string codePoint, int position)
    {
        var message = ExtraArgsValidator.Check(item, "spec.br.extraArgs[0]");

        message.Should().StartWith($"spec.br.extraArgs[0] has the control character {codePoint}").And.Contain($"at character {position}");
    }

    [Fact]
    public void Pd_with_its_value_in_one_item_is_refused()
    {
        ExtraArgsValidator.Check("--pd 10.0.0.1:2379", "spec.br.extraArgs[0]").Should().Contain("without whitespace");
    }

    [Fact]
    public void An_owned_flag_value_is_not_echoed()
    {
        var message = ExtraArgsValidator.Check("--azblob.account-key=c2VjcmV0", "spec.br.extraArgs[0]");

        message.Should().NotContain("c2VjcmV0").And.Contain("--azblob.account-key=***");
    }

    [Theory]
    [InlineData("", "without whitespace")]
    [InlineData("--concurrency 8", "without whitespace")]
    [InlineData("--ratelimit=1 --pd=x", "without whitespace")]
    [InlineData("8", "not a --flag")]
    [InlineData("--", "not a --flag")]
    [InlineData("---x", "not a --flag")]
    [InlineData("--a;b=1", "not a --flag")]
    [InlineData("--$(rm)=1", "not a --flag")]
    [InlineData("-v", "short flag")]
    [InlineData("x--pd", "not a --flag")]
    public void Malformed_tokens_are_rejected_with_the_fix(string item, string fragment)
    {
        ExtraArgsValidator.Check(item, "spec.br.extraArgs[1]").Should().Contain(fragment).And.Contain($"\"{item}\"");
    }

    [Fact]
    public void Validate_reports_every_bad_item_with_its_index()
    {
        var violations = ExtraArgsValidator.Validate(["--ratelimit=1", "--pd=x", "oops"]);

        violations.Select(violation => violation.Index).Should().Equal(1, 2);
        violations[0].Message.Should().StartWith("spec.br.extraArgs[1]");
        ExtraArgsValidator.Validate(null).Should().BeEmpty();
    }

    [Fact]
    public void The_owned_list_holds_every_flag_the_design_names()
    {
        var names = OwnedBrFlags.All.Select(flag => flag.Name).ToHashSet();

        names.Should().Contain(["pd", "storage", "start-ts", "restored-ts", "last", "last-segment",
            "full-backup-storage", "checkpoint-storage", "use-checkpoint", "ca", "cert", "key"]);
        OwnedBrFlags.FindByShorthand("u")!.Name.Should().Be("pd");
        OwnedBrFlags.FindByShorthand("s")!.Name.Should().Be("storage");
    }

    [Fact]
    public void Use_checkpoint_is_refused_with_the_checkpoint_mode_as_the_fix()
    {
        ExtraArgsValidator.Check("--use-checkpoint=false", "spec.br.extraArgs[0]").Should().Contain("spec.checkpoint.mode")
            .And.Contain("Table").And.Contain("Managed").And.Contain("External");
    }
}
