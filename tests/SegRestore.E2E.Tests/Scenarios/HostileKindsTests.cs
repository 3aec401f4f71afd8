using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 21 "No silent failure": the kinds of bad input that used to loop silently, start a pod too early, leave a
/// worker stuck, reach BR mangled, leave a local volume, or pass a lenient API server (Manifests/kinds, at least
/// five per kind), applied with the real kubectl while the operator runs. Each ends in its phase and typed reason
/// within 60 s of its apply, with one Event for that reason; none that fails a check BR is not needed for gets a pod;
/// a chain that cannot run holds no cluster Lease and abandon always works; the operator's log shows no unhandled
/// exception; no planted secret shows in status, Events, the ledger or the log.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class HostileKindsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static IEnumerable<string> CorpusFiles =>
        Directory.GetFiles(Path.Combine(RepoLayout.ManifestsDirectory, "kinds"), "*.yaml").Order(StringComparer.Ordinal);

    [Fact]
    public void Every_kind_has_at_least_five_cases()
    {
        var expectations = CorpusFiles.Select(f => KindExpectation.Parse(f, File.ReadAllText(f))).ToList();

        expectations.GroupBy(e => e.Kind).Select(g => g.Key).Order(StringComparer.Ordinal)
            .Should().Equal("k1", "k2", "k3", "k4", "k5", "k6");
        expectations.GroupBy(e => e.Kind).Should().OnlyContain(g => g.Count() >= 5, "each kind has five cases or more");
    }

    [Fact]
    public async Task Every_bad_input_ends_in_a_typed_status_within_a_minute_with_one_Event_and_no_pod_before_BR()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(HostileKindsTests), new E2EOptions
        {
            Points = 3,
            OperatorEnvironment = new Dictionary<string, string>
            {
                ["Operator__WorkerImagePullGraceSeconds"] = "5",
                ["Operator__WorkerConfigErrorGraceSeconds"] = "5",
                ["Operator__WorkerUnschedulableGraceSeconds"] = "10",
            },
        });
        env.ExpectsFailures = true;
        var planted = new PlantedSecrets();
        var secret = PlantedSecrets.NewValue("kinds-");
        planted.Add("a credential planted in manifests", secret);
        var expectations = CorpusFiles.Select(f => (Expectation: KindExpectation.Parse(f, File.ReadAllText(f)), Yaml: Render(f, env, secret))).ToList();

        var applied = new List<(KindExpectation Expectation, DateTimeOffset At)>();
        foreach (var (expectation, yaml) in expectations.Where(e => !e.Expectation.NeedsPod))
        {
            var result = await env.KubectlApplyAsync(yaml, Path.GetFileName(expectation.File));
            if (expectation.Outcome == KindExpectation.Refused)
            {
                result.ExitCode.Should().NotBe(0, "{0} must be refused", expectation.File);
                result.Stderr.Should().Contain(expectation.Text, "{0} is refused with its reason", expectation.File);
                output.WriteLine($"{expectation.Segment}: refused: {Shorten(result.Stderr)}");
                continue;
            }

            result.ExitCode.Should().Be(0, "{0}: {1}", expectation.File, Shorten(result.Describe()));
            applied.Add((expectation, DateTimeOffset.UtcNow));
        }

        foreach (var (expectation, at) in applied)
        {
            var segment = await AssertTypedAsync(env, expectation, at);
            (await env.PodsOfAsync(segment)).Should().BeEmpty("{0} fails a check that needs no BR: no worker pod", expectation.Segment);
        }

        // A chain that cannot run holds no cluster; abandon works on a root the ledger never saw.
        var uids = (await env.SegmentsAsync()).Select(s => s.Metadata.Uid).ToHashSet();
        (await env.Client.ListAsync<V1Lease>(E2EEnvironment.Namespace)).Items
            .Should().NotContain(l => uids.Contains(l.Spec!.HolderIdentity), "no segment that cannot start holds a cluster Lease");
        await AbandonAsync(env, "k1-tso-zero");

        // Checks that need the worker pod: one at a time, since each takes the cluster's Lease until abandoned.
        foreach (var (expectation, yaml) in expectations.Where(e => e.Expectation.NeedsPod))
        {
            var result = await env.KubectlApplyAsync(yaml, Path.GetFileName(expectation.File));
            result.ExitCode.Should().Be(0, "{0}: {1}", expectation.File, Shorten(result.Describe()));
            var segment = await AssertTypedAsync(env, expectation, DateTimeOffset.UtcNow);
            await Poll.UntilAsync(async () => (await env.PodsOfAsync(segment)).Count == 0, TimeSpan.FromSeconds(30), $"the stuck worker of {expectation.Segment} to be deleted");
            await AbandonAsync(env, expectation.Segment);
            (await env.Client.ListAsync<V1Lease>(E2EEnvironment.Namespace)).Items
                .Should().NotContain(l => l.Spec!.HolderIdentity == segment.Metadata.Uid, "an abandoned chain gives its cluster back");
        }

        await AssertNothingLeakedAsync(env, planted);
    }

    private async Task<PointRestoreSegment> AssertTypedAsync(E2EEnvironment env, KindExpectation expectation, DateTimeOffset appliedAt)
    {
        var phase = Enum.Parse<SegmentPhase>(expectation.Outcome);
        var left = appliedAt + Deadline - DateTimeOffset.UtcNow;
        var segment = await env.WaitForReasonAsync(expectation.Segment, phase, expectation.Reason!, left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        var why = SegmentReasons.ReasonOf(segment);
        output.WriteLine($"{expectation.Segment}: {why.Phase} {why.Reason} after {(DateTimeOffset.UtcNow - appliedAt).TotalSeconds:0.0} s: {Shorten(why.Message ?? "")}");
        why.Message.Should().Contain(expectation.Text, "the message of {0} names the field", expectation.Segment);
        (await env.SegmentEventsAsync(expectation.Segment, expectation.Reason!)).Should().ContainSingle("{0} says {1} in one Event", expectation.Segment, expectation.Reason);
        return segment;
    }

    /// <summary>Abandon works whatever the segment's state (Invalid before the ledger, Failed after its start).</summary>
    private static async Task AbandonAsync(E2EEnvironment env, string name)
    {
        await env.AnnotateAsync(name, Api.Labels.SegRestoreLabels.AbandonAnnotation, "true");
        await Poll.UntilAsync(
            async () => await env.GetAsync(name) is { } s && SegmentReasons.ReasonOf(s) is { Phase: SegmentPhase.Failed, Reason: "ChainAbandoned" },
            Deadline, $"{name} to be abandoned by its annotation", () => env.DescribeAsync());
    }

    private static async Task AssertNothingLeakedAsync(E2EEnvironment env, PlantedSecrets planted)
    {
        var statuses = string.Join('\n', (await env.SegmentsAsync()).Select(s => System.Text.Json.JsonSerializer.Serialize(s.Status)));
        var events = string.Join('\n', (await env.Client.ListAsync<Corev1Event>(E2EEnvironment.Namespace)).Items.Select(e => e.Message));
        var ledger = string.Join('\n', (await env.Client.ListAsync<V1ConfigMap>(E2EEnvironment.Namespace)).Items
            .SelectMany(c => c.Data ?? new Dictionary<string, string>()).Select(d => d.Value));
        var log = await File.ReadAllTextAsync(env.Operator.LogFile);
        planted.FindIn("status", statuses).Concat(planted.FindIn("events", events)).Concat(planted.FindIn("ledger", ledger))
            .Concat(planted.FindIn("operator log", log)).Should().BeEmpty("no planted secret leaves the spec it was written in");
        log.Should().NotContainAny(
            ["Unhandled exception", "NullReferenceException", "ArgumentException", "Reconcile of PointRestoreSegment", "could not be reconciled"],
            "every bad input ends in a status, not in an exception");
        env.Operator.Pid.Should().NotBeNull("the operator survived");
    }

    private static string Render(string file, E2EEnvironment env, string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var template = File.ReadAllText(file)
            .Replace("${SECRET}", secret, StringComparison.Ordinal)
            .Replace("${IN_ONE_HOUR}", now.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("${IN_TWO_DAYS}", now.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return ManifestTemplates.Render(template, env);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : text[..300] + "...";
}
