namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>The real kubectl's field validation against LocalCluster: its default <c>--validate=strict</c> has an
/// unknown field refused, <c>--validate=warn</c> and <c>false</c> accept and prune it.</summary>
[Trait("Category", "Kubectl")]
public sealed class FieldValidationKubectlTests : KubectlTestBase
{
    private const string WidgetWithUnknownField = """
        apiVersion: contract.segrestore.io/v1alpha1
        kind: Widget
        metadata: {name: w}
        spec:
          cluster: {pd: "pd.example:2379"}
          colour: red
        """;

    [KubectlFact]
    public async Task Kubectl_apply_by_default_refuses_an_unknown_field()
    {
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml"));
        var manifest = await Manifest();

        var (code, _, error) = await Kubectl.Run("apply", "-f", manifest);
        File.Delete(manifest);

        code.Should().NotBe(0);
        error.Should().Contain("strict decoding error: unknown field \"spec.colour\"");
    }

    [KubectlFact]
    public async Task Kubectl_apply_with_validate_warn_prints_the_warning_and_prunes()
    {
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml"));
        var manifest = await Manifest();

        var (code, _, error) = await Kubectl.Run("apply", "--validate=warn", "-f", manifest);
        File.Delete(manifest);

        code.Should().Be(0, error);
        error.Should().Contain("unknown field \"spec.colour\"");
        (await Kubectl.Ok("get", "widget", "w", "-o", "jsonpath={.spec}")).Should().NotContain("colour");
    }

    private static async Task<string> Manifest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lc-widget-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, WidgetWithUnknownField);
        return path;
    }
}
