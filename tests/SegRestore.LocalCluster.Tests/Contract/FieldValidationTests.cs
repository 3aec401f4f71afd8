using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>Server-side field validation (<c>fieldValidation=Strict|Warn|Ignore</c>, kube-apiserver 1.27+): unknown
/// and duplicate fields are refused, warned or dropped as the request asks; absent means Warn.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class FieldValidationTests(ClusterFixture cluster)
{
    private const string StrictWidgetError = "Widget in version \"v1alpha1\" cannot be handled as a Widget: strict decoding error: ";

    public static TheoryData<string, string> UnknownWidgetFields => new()
    {
        { """{"cluster":{"pd":"pd:2379"},"unknown":1}""", "unknown field \"spec.unknown\"" },
        { """{"cluster":{"pd":"pd:2379","port":1}}""", "unknown field \"spec.cluster.port\"" },
        { """{"cluster":{"pd":"pd:2379"},"retry":{"maxAttempts":2,"backoff":"1s"}}""", "unknown field \"spec.retry.backoff\"" },
        { """{"cluster":{"pd":"pd:2379"},"a":1,"b":2}""", "unknown field \"spec.a\", unknown field \"spec.b\"" },
        { """{"cluster":{"pd":"pd:2379"},"last":true,"last":false}""", "duplicate field \"spec.last\"" },
        { """{"cluster":{"pd":"pd:2379"},"x":1,"hold":true,"hold":true}""", "unknown field \"spec.x\", duplicate field \"spec.hold\"" },
    };

    [Theory]
    [MemberData(nameof(UnknownWidgetFields))]
    public async Task Strict_refuses_unknown_and_duplicate_fields_with_400_naming_each(string spec, string violations)
    {
        var ns = await Setup();

        var response = await PostWidget(ns, spec, "Strict");

        response.ShouldBe(400).Reason.Should().Be("BadRequest");
        response.Json["message"]!.GetValue<string>().Should().Be(StrictWidgetError + violations);
    }

    [Theory]
    [MemberData(nameof(UnknownWidgetFields))]
    public async Task Warn_and_the_default_accept_with_one_warning_per_field(string spec, string violations)
    {
        var ns = await Setup();
        var expected = violations.Split(", ").Select(v => "299 - \"" + v.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"").ToList();

        var warned = (await PostWidget(ns, spec, "Warn", "warned")).ShouldBe(201);
        var defaulted = (await PostWidget(ns, spec, null, "defaulted")).ShouldBe(201);

        warned.Warnings.Should().Equal(expected);
        defaulted.Warnings.Should().Equal(expected);
        warned.Json["spec"]!["unknown"].Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(UnknownWidgetFields))]
    public async Task Ignore_accepts_silently_and_prunes(string spec, string violations)
    {
        var ns = await Setup();

        var response = (await PostWidget(ns, spec, "Ignore")).ShouldBe(201);

        response.Warnings.Should().BeEmpty(violations + " is ignored");
        response.Json["spec"]!.AsObject().Select(p => p.Key).Should().BeSubsetOf(["cluster", "last", "hold", "mode", "retry", "filter"]);
    }

    [Fact]
    public async Task Strict_applies_to_updates_and_merge_patches_too()
    {
        var ns = await Setup();
        var created = (await cluster.Http.Post(ClusterFixture.Widgets(ns), ClusterFixture.Widget("w"))).ShouldBe(201).Json;
        created["spec"]!["colour"] = "red";

        var put = await cluster.Http.Put($"{ClusterFixture.Widgets(ns)}/w?fieldValidation=Strict", created);
        var patch = await cluster.Http.SendText(HttpMethod.Patch, $"{ClusterFixture.Widgets(ns)}/w?fieldValidation=Strict",
            """{"spec":{"hold":true,"hold":false,"size":3}}""", KubeHttp.MergePatch);

        put.ShouldBe(400).Json["message"]!.GetValue<string>().Should().Be(StrictWidgetError + "unknown field \"spec.colour\"");
        patch.ShouldBe(400).Json["message"]!.GetValue<string>().Should().Be(StrictWidgetError + "unknown field \"spec.size\", duplicate field \"spec.hold\"");
    }

    [Fact]
    public async Task An_unknown_metadata_field_is_unknown_for_every_kind()
    {
        var ns = await cluster.NewNamespace();
        var configMap = ClusterFixture.ConfigMap("cm");
        configMap["metadata"]!["unknownMeta"] = "x";

        var response = await cluster.Http.Post($"/api/v1/namespaces/{ns}/configmaps?fieldValidation=Strict", configMap);

        response.ShouldBe(400).Json["message"]!.GetValue<string>().Should()
            .Be("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"metadata.unknownMeta\"");
    }

    [Theory]
    [InlineData("strict")]
    [InlineData("Fail")]
    public async Task An_unsupported_directive_is_422(string directive)
    {
        var ns = await Setup();

        var response = await PostWidget(ns, """{"cluster":{"pd":"pd:2379"}}""", directive);

        response.ShouldBe(422).Json["message"]!.GetValue<string>().Should().StartWith("CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value");
    }

    private async Task<ApiResponse> PostWidget(string ns, string spec, string? directive, string name = "w")
    {
        var body = $$"""{"apiVersion":"contract.segrestore.io/v1alpha1","kind":"Widget","metadata":{"name":"{{name}}"},"spec":{{spec}}}""";
        var query = directive is null ? "" : $"?fieldValidation={directive}";
        return await cluster.Http.SendText(HttpMethod.Post, ClusterFixture.Widgets(ns) + query, body, "application/json");
    }

    private async Task<string> Setup()
    {
        await cluster.EnsureWidgetCrd();
        return await cluster.NewNamespace();
    }
}
