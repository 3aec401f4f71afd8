using System.Text.RegularExpressions;
using SegRestore.Api.Flags;

namespace SegRestore.Api.Tests.Flags;

public class ArgumentTextTests
{
    /// <summary>Texts with lone surrogates are written escaped (verbatim strings): xunit would replace them with U+FFFD
    /// when it serializes theory data. <see cref="Regex.Unescape"/> turns them into the characters.</summary>
    public static TheoryData<string, int, string> Forbidden => new()
    {
        { "db\0x.*", 2, "U+0000" },
        { "db.\u202Eelbat", 3, "U+202E" },
        { "\u2066db.t", 0, "U+2066" },
        { "db.t\u2069", 4, "U+2069" },
        { "a\u200Eb", 1, "U+200E" },
        { "a\u200Fb", 1, "U+200F" },
        { "a\u061Cb", 1, "U+061C" },
        { "\uFEFFdb.t", 0, "U+FEFF" },
        { "pd:2379\t", 7, "U+0009" },
        { "pd:2379\n", 7, "U+000A" },
        { "a\rb", 1, "U+000D" },
        { "a\u007Fb", 1, "U+007F" },
        { "a\u0085b", 1, "U+0085" },
        { "a\u2028b", 1, "U+2028" },
        { @"lone \uD800 high", 5, "U+D800" },
        { @"lone \uDC00 low", 5, "U+DC00" },
        { @"reversed \uDC00\uD800", 9, "U+DC00" },
        { @"ends high \uD83D", 10, "U+D83D" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_first_forbidden_character_is_found_and_named_by_its_code_point(string written, int index, string codePoint)
    {
        var text = written.Contains(@"\u", StringComparison.Ordinal) ? Regex.Unescape(written) : written;
        ArgumentText.FindControl(text).Should().Be(index);

        var message = ArgumentText.Problem("spec.br.filter[2]", text);

        message.Should().StartWith("spec.br.filter[2] has the control character " + codePoint)
            .And.Contain($"at character {index + 1}").And.Contain("delete it");
        message!.Any(ArgumentText.IsForbidden).Should().BeFalse("the message never echoes the character");
    }

    [Theory]
    [InlineData("db*.t?")]
    [InlineData("`my db`.`my table`")]
    [InlineData("s3://bucket/prefix?region=us-west-2")]
    [InlineData("données.表")]
    [InlineData("emoji 😀 pair")]
    [InlineData("")]
    [InlineData(null)]
    public void Plain_text_passes(string? text)
    {
        ArgumentText.FindControl(text).Should().Be(-1);
        ArgumentText.Problem("spec.br.filter[0]", text).Should().BeNull();
        ArgumentText.ProblemInUrl("spec.log.url", text).Should().BeNull();
    }

    [Theory]
    [InlineData("s3://bucket/a%00b", "U+0000")]
    [InlineData("s3://bucket/log?region=%E2%80%AE", "U+202E")]
    [InlineData("local:///backup%0Alog", "U+000A")]
    public void A_url_is_checked_after_percent_decoding_too(string url, string codePoint)
    {
        ArgumentText.Problem("spec.log.url", url).Should().BeNull();

        ArgumentText.ProblemInUrl("spec.log.url", url).Should().StartWith("spec.log.url has the control character " + codePoint)
            .And.Contain("percent-decoded");
    }

    [Fact]
    public void The_message_never_echoes_the_value()
    {
        var message = ArgumentText.Problem("spec.log.url", "s3://AKIASECRET:hunter2@bucket/\0");

        message.Should().NotContain("AKIASECRET").And.NotContain("hunter2").And.Contain("(NUL)");
    }
}
