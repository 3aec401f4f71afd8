using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>(h) Every Invalid reason of CRD.md reached from a manifest applied with the real kubectl.</summary>
[Collection(E2ESequential.Name)]
public sealed class InvalidManifestTests(ITestOutputHelper output)
{
    /// <summary>Reasons that need a chain that already ran; <see cref="StartedChainTests"/> reaches them.</summary>
    private static readonly string[] ReachedOnAStartedChain =
        [nameof(ChainReason.SpecChangedAfterStart), nameof(ChainReason.ChainFinalized), nameof(ChainReason.ReplacementUnsafe)]; // ReplacementTests

    [Fact]
    public void Every_invalid_reason_has_a_manifest_directory_or_a_started_chain_scenario()
    {
        var invalid = Enum.GetValues<ChainReason>().Where(r => ChainReasons.OutcomeOf(r) == ChainOutcome.Invalid).Select(r => r.ToString());
        var covered = ManifestTemplates.ReasonDirectories("invalid").Select(Path.GetFileName).Concat(ReachedOnAStartedChain);
        invalid.Should().BeSubsetOf(covered!);
    }

    [Fact]
    public async Task Each_invalid_manifest_is_refused_or_marked_Invalid_with_its_reason_and_gets_no_pod()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(Each_invalid_manifest_is_refused_or_marked_Invalid_with_its_reason_and_gets_no_pod),
            new E2EOptions { Points = 3 });
        env.ExpectsFailures = true;
        var expected = new List<(string Name, SegmentPhase Phase, string Reason)>();
        foreach (var (kind, phase) in new[] { ("invalid", SegmentPhase.Invalid), ("waiting", SegmentPhase.Waiting) })
        {
            foreach (var directory in ManifestTemplates.ReasonDirectories(kind))
            {
                var reason = Path.GetFileName(directory);
                foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
                {
                    var template = await File.ReadAllTextAsync(file);
                    var applied = await env.KubectlApplyAsync(ManifestTemplates.Render(template, env), $"{reason}-{Path.GetFileName(file)}");
                    if (ManifestTemplates.IsRejected(file))
                    {
                        applied.ExitCode.Should().NotBe(0, "{0} must be refused by the API server", file);
                        applied.Stderr.Should().Contain(ManifestTemplates.RejectedField(template), "the error names the field ({0})", file);
                        output.WriteLine($"{reason}: refused by the schema: {applied.Stderr.Trim()}");
                        continue;
                    }

                    applied.ExitCode.Should().Be(0, "{0}: {1}", file, applied.Describe());
                }

                var probes = (await env.Client.ListAsync<PointRestoreSegment>(E2EEnvironment.Namespace, new ListOptions
                {
                    LabelSelector = $"{ManifestTemplates.ProbeLabel}=true",
                })).Items.Select(s => s.Metadata.Name!).Where(n => n.StartsWith(reason.ToLowerInvariant() + "-", StringComparison.Ordinal)).ToList();
                if (!Directory.GetFiles(directory, "*.yaml").All(ManifestTemplates.IsRejected))
                {
                    probes.Should().NotBeEmpty("{0} has manifests with probe segments", reason);
                }

                expected.AddRange(probes.Select(p => (p, phase, reason)));
            }
        }

        foreach (var (name, phase, reason) in expected)
        {
            var segment = await env.WaitForReasonAsync(name, phase, reason, TimeSpan.FromSeconds(60));
            var why = SegmentReasons.ReasonOf(segment);
            output.WriteLine($"{name}: {why}");
            why.Message.Should().NotBeNullOrWhiteSpace("the reason comes with a message that says what to fix");
            if (phase == SegmentPhase.Invalid)
            {
                why.Condition.Should().Be(ConditionTypes.Validated);
            }
        }

        (await env.AllPodsAsync()).Should().BeEmpty("no invalid, waiting or held segment gets a worker pod");
    }
}
