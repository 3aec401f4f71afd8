using SegRestore.Br.Arguments;

namespace SegRestore.Br.Tests.Arguments;

public class ExtraArgsValidatorTests
{
    [Theory]
    [InlineData("--ratelimit=128")]
    [InlineData("--log-level=debug")]
    [InlineData("--checksum=false")]
    [InlineData("--wait-tiflash-ready")]
    [InlineData("--s3.provider=ceph")]
    [InlineData("--filter=db.*")]
    public void Ordinary_flags_pass(string token) => ExtraArgsValidator.Validate([token]).Should().BeEmpty();

    [Theory]
    [InlineData("--pd=other:2379", "set by the operator")]
    [InlineData("--storage=s3://x/y", "set by the operator")]
    [InlineData("--start-ts=1", "set by the operator")]
    [InlineData("--restored-ts=2", "set by the operator")]
    [InlineData("--last=true", "set by the operator")]
    [InlineData("--last-segment", "set by the operator")]
    [InlineData("--full-backup-storage=s3://a/b", "set by the operator")]
    [InlineData("--checkpoint-storage=local:///tmp", "set by the operator")]
    [InlineData("--ca=/x", "set by the operator")]
    [InlineData("--cert=/x", "set by the operator")]
    [InlineData("--key=/x", "set by the operator")]
    [InlineData("--s3.secret-access-key=abc", "secret")]
    [InlineData("--azblob.sas-token=abc", "secret")]
    [InlineData("--crypter.key=0123", "secret")]
    [InlineData("-s", "one token")]
    [InlineData("-u=pd:2379", "one token")]
    [InlineData("--ratelimit 128", "one token")]
    [InlineData("128", "one token")]
    [InlineData("", "one token")]
    [InlineData("--log-level=debug\n--pd=x", "one token")]
    [InlineData("--PD=x", "one token")]
    [InlineData("--ratelimit=1\n", "one token")]
    public void Owned_secret_bearing_and_malformed_tokens_are_refused(string token, string reason)
    {
        var violations = ExtraArgsValidator.Validate(["--ratelimit=1", token]);

        violations.Should().ContainSingle().Which.Should().Match<ExtraArgViolation>(v => v.Index == 1 && v.Token == token);
        violations[0].Message.Should().StartWith("br.extraArgs[1]").And.Contain(reason);
    }

    [Fact]
    public void Refusal_messages_do_not_echo_secrets()
    {
        var violations = ExtraArgsValidator.Validate(["--storage=s3://b/p?secret-access-key=TOPSECRET"]);

        violations.Single().Message.Should().NotContain("TOPSECRET");
    }
}
