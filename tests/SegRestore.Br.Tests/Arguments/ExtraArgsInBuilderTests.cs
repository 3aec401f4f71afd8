using SegRestore.Api.Flags;
using SegRestore.Br.Arguments;

namespace SegRestore.Br.Tests.Arguments;

public class ExtraArgsInBuilderTests
{
    [Theory]
    [InlineData("--ratelimit=128")]
    [InlineData("--log-level=debug")]
    [InlineData("--checksum=false")]
    [InlineData("--wait-tiflash-ready")]
    public void Ordinary_flags_pass(string token) => ExtraArgsValidator.Validate([token]).Should().BeEmpty();

    [Theory]
    [InlineData("--pd=other:2379", "owns")]
    [InlineData("--storage=s3://x/y", "owns")]
    [InlineData("--start-ts=1", "owns")]
    [InlineData("--restored-ts=2", "owns")]
    [InlineData("--last=true", "owns")]
    [InlineData("--last-segment", "owns")]
    [InlineData("--full-backup-storage=s3://a/b", "owns")]
    [InlineData("--checkpoint-storage=local:///tmp", "owns")]
    [InlineData("--ca=/x", "owns")]
    [InlineData("--cert=/x", "owns")]
    [InlineData("--key=/x", "owns")]
    [InlineData("--filter=db.*", "owns")]
    [InlineData("--s3.region=us-east-1", "owns")]
    [InlineData("-s", "owns")]
    [InlineData("-u=pd:2379", "owns")]
    [InlineData("--s3.secret-access-key=abc", "secret")]
    [InlineData("--s3.access-key=abc", "secret")]
    [InlineData("--log.crypter.key=0123", "secret")]
    [InlineData("--azblob.sas-token=abc", "owns")]
    [InlineData("--ratelimit 128", "token")]
    [InlineData("128", "token")]
    [InlineData("", "token")]
    [InlineData("--log-level=debug\n--pd=x", "token")]
    [InlineData("--ratelimit=1\n", "token")]
    public void Owned_secret_bearing_and_malformed_tokens_are_refused(string token, string reason)
    {
        var violations = ExtraArgsValidator.Validate(["--ratelimit=1", token]);

        violations.Should().ContainSingle().Which.Should().Match<SegRestore.Api.Flags.ExtraArgViolation>(v => v.Index == 1 && v.Item == token);
        violations[0].Message.Should().StartWith("spec.br.extraArgs[1]").And.Contain(reason);
    }

    [Fact]
    public void Builder_refusals_do_not_echo_secrets()
    {
        var request = Requests.LaterSegment() with { ExtraArgs = ["--storage=s3://b/p?secret-access-key=TOPSECRET", "--s3.secret-access-key=HIDDEN"] };

        var build = () => BrArgumentBuilder.Build(request);

        build.Should().Throw<BrArgumentException>().Which.Message.Should().NotContain("TOPSECRET").And.NotContain("HIDDEN");
    }

    public static TheoryData<string, Func<BrRestoreRequest, BrRestoreRequest>, string> ControlCharacters => new()
    {
        { "cluster.pd", r => r with { Pd = "basic-pd.tidb:2379,\tpd-1:2379" }, "U+0009" },
        { "br.filter", r => r with { Filters = ["db.*", "db\0x.*"] }, "U+0000" },
        { "br.filter", r => r with { Filters = ["db.\u202Eelbat"] }, "U+202E" },
        { "log.url", r => r with { Log = r.Log with { Url = "s3://backups/lo%00g" } }, "U+0000" },
        { "log.url", r => r with { Log = r.Log with { S3 = new S3StorageOptions(Region: "us-west-2\u2066") } }, "U+2066" },
        { "checkpoint.url", r => r with { CheckpointMode = BrCheckpointMode.External, CheckpointUrl = "s3://cp/\u200F" }, "U+200F" },
        { "secretName", r => r with { Log = r.Log with { SecretName = "s3-creds\u0085" } }, "U+0085" },
        { "br.extraArgs", r => r with { ExtraArgs = ["--log-level=\u2066debug"] }, "U+2066" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void The_builder_refuses_control_characters_as_a_last_line_of_defence(
        string field, Func<BrRestoreRequest, BrRestoreRequest> spoil, string codePoint)
    {
        var build = () => BrArgumentBuilder.Build(spoil(Requests.LaterSegment()));

        var refusal = build.Should().Throw<BrArgumentException>().Which;
        refusal.Field.Should().Be(field);
        refusal.Message.Should().Contain("control character " + codePoint).And.Contain("delete it");
    }
}
