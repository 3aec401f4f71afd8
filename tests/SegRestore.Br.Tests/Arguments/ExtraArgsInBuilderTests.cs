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
}
