using System.Text.Json.Nodes;

namespace SegRestore.Deploy.Tests.Chart;

public class ChartValueReferencesTests
{
    private static readonly JsonNode Values = JsonNode.Parse("""
        { "image": { "operator": { "tag": "1" } }, "resources": { "limits": { "memory": "1Gi" } }, "watchNamespaces": [], "empty": {} }
        """)!;

    [Theory]
    [InlineData("{{ .Values.image.operator.tag }}", new[] { "image.operator.tag" })]
    [InlineData("{{ include \"x\" .Values.image.operator | quote }} {{ $.Values.resources }}", new[] { "image.operator", "resources" })]
    [InlineData("{{- if gt (len .Values.watchNamespaces) 1 }}{{ .Values.watchNamespaces }}", new[] { "watchNamespaces" })]
    [InlineData("{{ .Release.Name }} {{ .Chart.Values }}", new string[0])]
    public void References_are_the_dotted_paths_after_Values(string template, string[] expected)
    {
        ChartValueReferences.In(template).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("image.operator.tag", true)]
    [InlineData("image.operator", true)]
    [InlineData("image.worker.tag", false)]
    [InlineData("image.operator.tag.more", false)]
    [InlineData("watchNamespaces", true)]
    [InlineData("nosuch", false)]
    public void A_path_is_defined_when_every_key_on_it_exists(string path, bool defined)
    {
        ChartValueReferences.Defines(Values, path).Should().Be(defined);
    }

    [Fact]
    public void Settable_paths_stop_at_scalars_lists_and_empty_maps()
    {
        ChartValueReferences.Settable(Values).Should().BeEquivalentTo("image.operator.tag", "resources.limits.memory", "watchNamespaces", "empty");
    }

    [Theory]
    [InlineData("resources.limits.memory", true)]
    [InlineData("image.operator.tag", true)]
    [InlineData("image.worker.tag", false)]
    [InlineData("resourcesExtra", false)]
    public void A_setting_is_read_when_a_template_reads_it_or_a_map_above_it(string setting, bool read)
    {
        ChartValueReferences.IsRead(setting, new HashSet<string>(StringComparer.Ordinal) { "resources", "image.operator.tag" }).Should().Be(read);
    }
}
