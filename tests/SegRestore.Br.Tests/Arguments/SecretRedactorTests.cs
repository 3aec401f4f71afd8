using FsCheck;
using FsCheck.Fluent;
using SegRestore.Br.Arguments;

namespace SegRestore.Br.Tests.Arguments;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("s3://b/p?access-key=AKIAX&secret-access-key=abc%2Fdef&region=us", "s3://b/p?access-key=redacted&secret-access-key=redacted&region=us")]
    [InlineData("s3://b/p?Secret_Access_Key=abc", "s3://b/p?Secret_Access_Key=redacted")]
    [InlineData("azure://c/p?sas-token=sv%3D2020&account-name=a", "azure://c/p?sas-token=redacted&account-name=a")]
    [InlineData("gcs://b/p?credentials-file=/etc/key.json", "gcs://b/p?credentials-file=redacted")]
    [InlineData("https://acct.blob.core.windows.net/c?sv=2020&sig=AbC%2B", "https://acct.blob.core.windows.net/c?sv=2020&sig=redacted")]
    [InlineData("s3://user:hunter2@bucket/prefix", "s3://user:redacted@bucket/prefix")]
    [InlineData("[storage=\"s3://u:pw@b/p?session-token=T\"]", "[storage=\"s3://u:redacted@b/p?session-token=redacted\"]")]
    [InlineData("AWS_SECRET_ACCESS_KEY=abc123 other", "AWS_SECRET_ACCESS_KEY=redacted other")]
    [InlineData("[sse-kms-key-id=kms1] [region=us]", "[sse-kms-key-id=kms1] [region=us]")]
    [InlineData("no secrets here", "no secrets here")]
    public void Known_secret_shapes_are_redacted(string text, string expected) =>
        SecretRedactor.Redact(text).Should().Be(expected);

    [Fact]
    public void Known_secret_values_are_removed_wherever_they_appear()
    {
        SecretRedactor.Redact("token abc-XYZ in error: abc-XYZ!", ["abc-XYZ"]).Should().Be("token redacted in error: redacted!");
    }

    [Fact]
    public void A_secret_made_of_the_marker_letters_cannot_survive()
    {
        SecretRedactor.Redact("xx edact yy", ["edact"]).Should().NotContain("edact");
        SecretRedactor.Redact("*", ["*"]).Should().NotContain("*");
    }

    [Fact]
    public void No_secret_value_ever_appears_in_redacted_text()
    {
        var secret = ArbMap.Default.ArbFor<NonEmptyString>().Generator.Select(s => s.Get);
        var text = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty);
        var cases = from s in secret from before in text from after in text select (Secret: s, Text: before + s + after + s);

        Prop.ForAll(cases.ToArbitrary(), c => !SecretRedactor.Redact(c.Text, [c.Secret]).Contains(c.Secret, StringComparison.Ordinal))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void No_secret_value_ever_appears_in_argv_or_the_displayed_command()
    {
        // Secret values live only in Secrets; whatever they are, the command refers to them by name and key.
        var secrets = ArbMap.Default.ArbFor<NonEmptyString>().Generator.Select(s => s.Get)
            .Where(s => s.Trim().Length > 3 && !"restore point basic-pd.tidb:2379 s3://backups/log s3-creds".Contains(s, StringComparison.Ordinal));

        Prop.ForAll(secrets.ToArbitrary(), secret =>
        {
            var command = BrArgumentBuilder.Build(Requests.FirstSegment());
            var shown = command.ToDisplayString([secret]);
            return command.Argv.All(a => !a.Contains(secret, StringComparison.Ordinal)) && !shown.Contains(secret, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Urls_with_credentials_are_refused_and_the_error_does_not_echo_them()
    {
        var request = Requests.LaterSegment() with { Log = new BrStorage("s3://b/log?secret-access-key=TOPSECRET") };

        var build = () => BrArgumentBuilder.Build(request);

        build.Should().Throw<BrArgumentException>().Which.Message.Should().NotContain("TOPSECRET").And.Contain("log.secretName");
    }

    [Fact]
    public void Displayed_command_quotes_tokens_for_a_shell_reader()
    {
        var command = new BrCommand(["restore", "point", "--filter", "db with space.*", "--x=it's"], []);

        command.ToDisplayString().Should().Be("restore point --filter 'db with space.*' '--x=it'\\''s'");
    }
}
