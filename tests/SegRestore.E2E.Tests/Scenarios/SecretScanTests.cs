using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// Issue 11 "Security": a chain over S3-style storage (the simulator's s3:// mapping, credentials from a Secret), with
/// the reporter on TLS, one transient BR failure and a second chain that fails for good. Afterwards every output of
/// the run is scanned for the planted values (the S3 keys, the reporter's TLS key, every attempt token): pod objects,
/// the operator's log, the workers' and BR's container logs, Events, segment status, ConfigMaps and every file the run
/// left behind. The worker pods the operator created are checked for the restricted security context, and the
/// operator's API calls against <see cref="OperatorRbacAllowList"/> (one run serves all three checks).
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class SecretScanTests(ITestOutputHelper output)
{
    private const string StorageSecret = "s3-creds";
    private static readonly JsonSerializerOptions Json = SegRestoreJsonContext.Default.Options;

    [Fact]
    public async Task Planted_secrets_appear_in_no_output_worker_pods_are_locked_down_and_api_calls_stay_on_the_allow_list()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(SecretScanTests), new E2EOptions { Points = 3, ReporterTls = true });
        var planted = new PlantedSecrets();
        var accessKey = PlantedSecrets.NewValue("AKIAPLANTED");
        var secretKey = PlantedSecrets.NewValue("planted-s3-secret-");
        planted.Add("the S3 access key", accessKey);
        planted.Add("the S3 secret key", secretKey);
        planted.AddPemKey("the reporter's TLS key", await File.ReadAllTextAsync(env.ReporterTlsFiles!.KeyFile));
        await env.Client.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = StorageSecret, NamespaceProperty = E2EEnvironment.Namespace },
            StringData = new Dictionary<string, string> { ["access_key"] = accessKey, ["secret_key"] = secretKey },
        });
        var (full, log) = MapStoragesToS3(env.World);

        var pods = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var podObjects = new ConcurrentDictionary<string, V1Pod>(StringComparer.Ordinal);
        await using (new ResourceWatcher<V1Pod>(env.Client, E2EEnvironment.Namespace, (_, pod) =>
        {
            pods[$"pod {pod.Metadata.Name} rv {pod.Metadata.ResourceVersion}"] = KubernetesJson.Serialize(pod);
            podObjects[pod.Metadata.Name!] = pod;
        }))
        await using (new ResourceWatcher<V1Secret>(env.Client, E2EEnvironment.Namespace, (_, secret) =>
        {
            if (secret.Data?.TryGetValue(SegRestoreLabels.TokenSecretKey, out var token) == true)
            {
                planted.Add($"the attempt token of {secret.Metadata.Name}", System.Text.Encoding.UTF8.GetString(token));
            }
        }))
        {
            // One retryable BR failure in the middle of the first log restore: an error path that then succeeds.
            env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_TRANSIENT_ERROR"] = "log:50:1" });
            var chain = ChainManifests.Chain("sec", env.World, env.PdAddress);
            foreach (var segment in chain)
            {
                segment.Spec.Log = new StorageSpec { Url = log, SecretName = StorageSecret };
                segment.Spec.FullBackup = segment.Spec.FullBackup is null ? null : new StorageSpec { Url = full, SecretName = StorageSecret };
                await env.CreateAsync(segment);
            }

            await env.WaitFinalizedAsync(chain[^1].Metadata.Name!, TimeSpan.FromMinutes(4));

            // A second chain into the same, no longer fresh, target, whose BR is killed every time: it fails for good.
            env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_KILL_AT"] = "full:10:20" });
            var doomed = ChainManifests.Chain("sec-doomed", env.World, env.PdAddress, count: 1)[0];
            doomed.Spec.Log = new StorageSpec { Url = log, SecretName = StorageSecret };
            doomed.Spec.FullBackup = new StorageSpec { Url = full, SecretName = StorageSecret };
            doomed.Spec.Retry = new RetrySpec { MaxAttempts = 2, BackoffSeconds = 1 };
            await env.CreateAsync(doomed);
            await env.WaitForPhaseAsync(doomed.Metadata.Name!, SegmentPhase.Failed, TimeSpan.FromMinutes(3));
        }

        planted.Values.Count(v => v.Value.StartsWith("the attempt token", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(4,
            "every attempt's token was harvested from its Secret (3 segments, a retry and the doomed chain)");
        podObjects.Should().NotBeEmpty();
        foreach (var pod in podObjects.Values)
        {
            AssertLockedDown(pod);
            AssertSecretsAreReferences(pod);
        }

        var leaks = new List<string>();
        leaks.AddRange(pods.SelectMany(p => planted.FindIn(p.Key, p.Value)));
        leaks.AddRange(await ApiOutputsAsync(env, planted));
        leaks.AddRange(FilesOf(env, planted, out var scanned));
        output.WriteLine($"scanned {pods.Count} pod versions, the API's segments/events/configmaps and {scanned} files for {planted.Values.Count} planted values");
        leaks.Should().BeEmpty("no planted secret may appear in any output");
        // Live pods keep their logs under pods/, deleted ones in pod-logs/ (the kubelet's archive): both were scanned.
        var workerLogs = Directory.EnumerateFiles(env.Directory, "worker.log", SearchOption.AllDirectories).ToList();
        workerLogs.Should().HaveCountGreaterThanOrEqualTo(4, "every attempt's worker log (3 segments, a retry, the doomed chain) was scanned");

        // RBAC: every API call the operator made in this run (LocalCluster records them by User-Agent; the test's
        // own client and kubectl identify themselves differently) is on the allow-list.
        var calls = env.Cluster.Requests.Seen.Where(r => r.UserAgent.StartsWith(OperatorRbacAllowList.OperatorUserAgentPrefix, StringComparison.Ordinal)).ToList();
        output.WriteLine("operator API calls: " + string.Join(", ", calls.Select(c => $"{c.Verb} {c.Group}/{c.Resource}").Distinct().Order(StringComparer.Ordinal)));
        calls.Should().Contain(c => c.Resource == "pods" && c.Verb == "create", "the run exercised the operator");
        OperatorRbacAllowList.Violations(calls).Should().BeEmpty("the operator uses only what the allow-list grants");
    }

    /// <summary>The simulator maps s3://bucket/path to WORLD/storage/s3/bucket/path and opens it only with AWS
    /// credentials in BR's environment: link the world's backups there.</summary>
    private static (string Full, string Log) MapStoragesToS3(BrSimWorld world)
    {
        var bucket = Path.Combine(world.Directory, "storage", "s3", "planted-bucket");
        Directory.CreateDirectory(bucket);
        Directory.CreateSymbolicLink(Path.Combine(bucket, "full"), LocalPath(world.Info.FullBackupStorage));
        Directory.CreateSymbolicLink(Path.Combine(bucket, "log"), LocalPath(world.Info.LogBackupStorage));
        return ("s3://planted-bucket/full", "s3://planted-bucket/log");
    }

    private static string LocalPath(string url) =>
        url.StartsWith("local://", StringComparison.Ordinal) ? url["local://".Length..] : throw new InvalidOperationException($"not a local:// storage: {url}");

    private static void AssertLockedDown(V1Pod pod)
    {
        var spec = pod.Spec!;
        spec.AutomountServiceAccountToken.Should().BeFalse("{0} holds no service-account token", pod.Metadata.Name);
        spec.SecurityContext!.RunAsNonRoot.Should().BeTrue();
        spec.SecurityContext.SeccompProfile!.Type.Should().Be("RuntimeDefault");
        foreach (var container in spec.InitContainers!.Concat(spec.Containers!))
        {
            var context = container.SecurityContext!;
            context.RunAsNonRoot.Should().BeTrue("{0}/{1}", pod.Metadata.Name, container.Name);
            context.ReadOnlyRootFilesystem.Should().BeTrue("{0}/{1}", pod.Metadata.Name, container.Name);
            context.AllowPrivilegeEscalation.Should().BeFalse("{0}/{1}", pod.Metadata.Name, container.Name);
            context.Privileged.Should().NotBe(true);
            context.Capabilities!.Drop.Should().Equal(["ALL"], "{0}/{1}", pod.Metadata.Name, container.Name);
            context.Capabilities.Add.Should().BeNullOrEmpty();
            context.SeccompProfile!.Type.Should().Be("RuntimeDefault");
        }
    }

    private static void AssertSecretsAreReferences(V1Pod pod)
    {
        var env = pod.Spec!.Containers!.SelectMany(c => c.Env ?? []).ToList();
        foreach (var name in new[] { "SEGRESTORE_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            var variable = env.Should().ContainSingle(e => e.Name == name, "{0} sets {1}", pod.Metadata.Name, name).Which;
            variable.Value.Should().BeNull("{0} comes from a Secret, never as a value", name);
            variable.ValueFrom!.SecretKeyRef.Should().NotBeNull();
        }
    }

    private static async Task<IEnumerable<string>> ApiOutputsAsync(E2EEnvironment env, PlantedSecrets planted)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["segments (spec and status)"] = JsonSerializer.Serialize((await env.Client.ListAsync<PointRestoreSegment>(E2EEnvironment.Namespace)).Items.ToList(), Json),
            ["events"] = KubernetesJson.Serialize((await env.Client.ListAsync<Corev1Event>(E2EEnvironment.Namespace)).Items),
            ["configmaps (the ledger, the TiFlash SQL)"] = KubernetesJson.Serialize((await env.Client.ListAsync<V1ConfigMap>(E2EEnvironment.Namespace)).Items),
            ["pods at the end"] = KubernetesJson.Serialize((await env.Client.ListAsync<V1Pod>(E2EEnvironment.Namespace)).Items),
        };
        var describe = await env.KubectlAsync("describe", "pods,pointrestoresegments", "-n", E2EEnvironment.Namespace);
        texts["kubectl describe"] = describe.Stdout + describe.Stderr;
        return texts.SelectMany(t => planted.FindIn(t.Key, t.Value)).ToList();
    }

    /// <summary>Every file the run left under its directory (operator log, container logs, termination messages,
    /// the simulator's argv and audit logs), except where secrets legitimately live: the reporter's own key files and
    /// the pods' mounted Secret volumes.</summary>
    private static IEnumerable<string> FilesOf(E2EEnvironment env, PlantedSecrets planted, out int scanned)
    {
        var leaks = new List<string>();
        scanned = 0;
        var reporterTls = Path.GetDirectoryName(env.ReporterTlsFiles!.KeyFile)!;
        foreach (var file in Directory.EnumerateFiles(env.Directory, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(file);
            if (file.StartsWith(reporterTls, StringComparison.Ordinal) || file.Contains("/volumes/", StringComparison.Ordinal)
                || info.Length > 16 << 20 || info.LinkTarget is not null)
            {
                continue;
            }

            scanned++;
            leaks.AddRange(planted.FindIn(Path.GetRelativePath(env.Directory, file), File.ReadAllText(file)));
        }

        return leaks;
    }
}
