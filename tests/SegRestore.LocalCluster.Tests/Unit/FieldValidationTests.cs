using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Semantics;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>The fieldValidation directive and what each does with unknown and duplicate fields.</summary>
public sealed class FieldValidationTests
{
    public static TheoryData<string?, FieldValidationDirective> Directives => new()
    {
        { null, FieldValidationDirective.Warn },
        { "", FieldValidationDirective.Warn },
        { "Warn", FieldValidationDirective.Warn },
        { "Strict", FieldValidationDirective.Strict },
        { "Ignore", FieldValidationDirective.Ignore },
    };

    [Theory]
    [MemberData(nameof(Directives))]
    public void A_directive_is_parsed_and_absent_means_Warn(string? value, FieldValidationDirective expected) =>
        FieldValidation.ParseDirective(value, "CreateOptions").Should().Be(expected);

    [Theory]
    [InlineData("strict")]
    [InlineData("Error")]
    [InlineData("true")]
    public void An_unsupported_directive_is_422_on_the_options_kind(string value)
    {
        var error = Assert.Throws<ApiException>(() => FieldValidation.ParseDirective(value, "PatchOptions"));

        error.Code.Should().Be(422);
        error.Message.Should().Be(
            $"PatchOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"{value}\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    }

    public static TheoryData<FieldValidationDirective, string[], string[], string?, string[]> Reports => new()
    {
        { FieldValidationDirective.Strict, ["spec.foo"], [], "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.foo\"", [] },
        {
            FieldValidationDirective.Strict, ["spec.unknownField"], ["spec.replicas"],
            "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.unknownField\", duplicate field \"spec.replicas\"", []
        },
        { FieldValidationDirective.Strict, [], ["metadata.name"], "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: duplicate field \"metadata.name\"", [] },
        { FieldValidationDirective.Strict, [], [], null, [] },
        { FieldValidationDirective.Warn, ["spec.foo", "metadata.bar"], ["spec.x"], null, ["unknown field \"spec.foo\"", "unknown field \"metadata.bar\"", "duplicate field \"spec.x\""] },
        { FieldValidationDirective.Warn, [], [], null, [] },
        { FieldValidationDirective.Ignore, ["spec.foo"], ["spec.x"], null, [] },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Unknown_and_duplicate_fields_fail_warn_or_pass_as_the_directive_says(
        FieldValidationDirective directive, string[] unknown, string[] duplicates, string? error, string[] warnings)
    {
        var validation = new FieldValidation(directive, duplicates);

        var thrown = Record.Exception(() => validation.Report(BuiltInResources.Pods, unknown));

        if (error is null)
        {
            thrown.Should().BeNull();
        }
        else
        {
            var api = thrown.Should().BeOfType<ApiException>().Subject;
            api.Code.Should().Be(400);
            api.Reason.Should().Be("BadRequest");
            api.Message.Should().Be(error);
        }

        validation.Warnings.Should().Equal(warnings);
    }
}
