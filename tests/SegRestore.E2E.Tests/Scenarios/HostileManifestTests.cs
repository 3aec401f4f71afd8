using System.Text.Json.Nodes;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 11 "Hostile input": every manifest of the corpus under Manifests/hostile applied with the real kubectl, with
/// the operator running. Each is refused by the API server with a message naming the field, or becomes Invalid with
/// its reason and a message naming the field and the fix, or (unknown fields) is pruned. None starts a pod, and the
/// operator is still alive and healthy afterwards. <see cref="InvalidManifestTests"/> covers one manifest per
/// reason; this corpus is about what an attacker or a careless generator would write.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class HostileManifestTests(ITestOutputHelper output)
{
    /// <summary>Words with which the operator's messages say what to do.</summary>
    private static readonly string[] FixWords =
        ["set ", "remove", "write", "use ", "add ", "shorten", "quote", "simplify", "give ", "put ", "join", "fix", "name only", "point ", "delete", "accepted:", "list the", "close "];

    private static IEnumerable<string> CorpusFiles =>
        Directory.GetFiles(Path.Combine(RepoLayout.ManifestsDirectory, "hostile"), "*.yaml").Order(StringComparer.Ordinal);

    [Fact]
    public void The_corpus_has_at_least_forty_manifests_each_declaring_its_expectation()
    {
        var expectations = CorpusFiles.Select(f => HostileExpectation.Parse(f, File.ReadAllText(f))).ToList();

        expectations.Should().HaveCountGreaterThanOrEqualTo(40);
        expectations.Select(e => e.Outcome).Distinct().Should().BeEquivalentTo(
            [HostileExpectation.Refused, HostileExpectation.Invalid, HostileExpectation.Pruned]);
        expectations.Where(e => e.Outcome != HostileExpectation.Refused)
            .Should().OnlyContain(e => File.ReadAllText(e.File).Contains("name: " + e.Segment + "\n", StringComparison.Ordinal),
                "the segment named like the file carries the declared outcome");
    }

    [Fact]
    public async Task Every_hostile_manifest_is_refused_or_Invalid_or_pruned_and_none_starts_a_pod_or_harms_the_operator()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(HostileManifestTests), new E2EOptions { Points = 3 });
        var admitted = new List<HostileExpectation>();
        foreach (var file in CorpusFiles)
        {
            var template = await File.ReadAllTextAsync(file);
            var expectation = HostileExpectation.Parse(file, template);
            var yaml = ManifestTemplates.Render(HostileExpectation.ExpandGenerated(template), env);
            var applied = await env.KubectlApplyAsync(yaml, Path.GetFileName(file));
            if (expectation.Outcome == HostileExpectation.Refused)
            {
                applied.ExitCode.Should().NotBe(0, "{0} must be refused by the API server", file);
                applied.Stderr.Should().Contain("is invalid").And.Contain(expectation.Field, "the 422 names the field ({0})", file);
                output.WriteLine($"{expectation.Segment}: refused: {Shorten(applied.Stderr)}");
                continue;
            }

            if (expectation.Outcome == HostileExpectation.Pruned)
            {
                // kubectl's default field validation is Strict: the API server refuses the unknown field; with
                // --validate=false (Ignore) it drops it, which is what the rest of the test checks.
                applied.ExitCode.Should().NotBe(0, "{0}: an unknown field is refused under Strict field validation", file);
                applied.Stderr.Should().Contain("strict decoding error").And.Contain($"unknown field \"{expectation.Field}\"", "{0}", file);
                applied = await env.KubectlApplyAsync(yaml, Path.GetFileName(file), "--validate=false");
            }

            applied.ExitCode.Should().Be(0, "{0}: {1}", file, Shorten(applied.Describe()));
            admitted.Add(expectation);
        }

        foreach (var expectation in admitted)
        {
            if (expectation.Outcome == HostileExpectation.Pruned)
            {
                await AssertPrunedAsync(env, expectation);
                continue;
            }

            var segment = await env.WaitForReasonAsync(expectation.Segment, SegmentPhase.Invalid, expectation.Reason!, TimeSpan.FromSeconds(90));
            var why = SegmentReasons.ReasonOf(segment);
            output.WriteLine($"{expectation.Segment}: {why.Reason}: {Shorten(why.Message ?? "")}");
            why.Condition.Should().Be(ConditionTypes.Validated);
            why.Message.Should().Contain(expectation.Field, "the message names the field ({0})", expectation.File);
            FixWords.Should().Contain(w => why.Message!.Contains(w, StringComparison.OrdinalIgnoreCase),
                "the message says how to fix {0}: {1}", expectation.Segment, Shorten(why.Message!));
            why.Message!.Length.Should().BeLessThan(4096, "a hostile value is not echoed whole");
        }

        (await env.AllPodsAsync()).Should().BeEmpty("no hostile manifest gets a worker pod");
        env.Operator.Pid.Should().NotBeNull("the operator survived the corpus");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        (await http.GetAsync(new Uri($"http://127.0.0.1:{env.Operator.HttpPort}/healthz"))).IsSuccessStatusCode.Should().BeTrue();
        var log = await File.ReadAllTextAsync(env.Operator.LogFile);
        log.Should().NotContainAny(
            ["NullReferenceException", "NotSupportedException", "IndexOutOfRangeException", "OutOfMemoryException", "Unhandled exception", "---- operator SIGKILLed"],
            "no hostile input crashes a reconcile or the process");
        log.Split('\n').Count(l => l.StartsWith("---- operator starting", StringComparison.Ordinal)).Should().Be(1, "the operator never restarted");
    }

    private static async Task AssertPrunedAsync(E2EEnvironment env, HostileExpectation expectation)
    {
        var got = await env.KubectlAsync("get", "pointrestoresegment", expectation.Segment, "-n", E2EEnvironment.Namespace, "-o", "json");
        got.ExitCode.Should().Be(0, got.Describe());
        JsonNode? node = JsonNode.Parse(got.Stdout);
        foreach (var part in expectation.Field.Split('.'))
        {
            node = node?[part];
        }

        node.Should().BeNull("{0} is not in the schema, so the API server drops it", expectation.Field);
        await env.WaitForReasonAsync(expectation.Segment, SegmentPhase.Waiting, "Held", TimeSpan.FromSeconds(90));
    }

    private static string Shorten(string text) => text.Length <= 400 ? text.Trim() : text[..400] + "...";
}
