using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;
using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;
using SegRestore.Kube.Client;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Logs;
using SegRestore.Operator.Reporter;
using SegRestore.Operator.Workers;
using SegRestore.Store;
using SegRestore.Store.Model;
using ApiDialect = SegRestore.Api.Models.BrDialect;
using ProbeDialect = SegRestore.Br.Probe.BrDialect;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The Kubernetes side of attempts: worker pods and their token Secrets, adoption after a restart, cleanup, the
/// segment's chain labels and the TiFlash SQL ConfigMap. Crash-safe order for a new attempt: the ledger records the
/// attempt (so its number is never reused), the token Secret is written, the token granted, then the pod is
/// created under a name fixed by segment and attempt — a repeat after a crash finds the pod and adopts it.
/// </summary>
public sealed class AttemptLauncher(
    IKubernetesClient client,
    IChainLedger ledger,
    InMemoryAttemptTokenRegistry tokens,
    InMemoryAttemptActivitySink activity,
    OperatorOptions options,
    AttemptLogStore logs)
{
    public const string TiFlashSqlKey = "tiflash-replicas.sql";

    private readonly CheckpointClaims _claims = new(client, options.CheckpointVolume);

    public async Task<IReadOnlyList<V1Pod>> ListPodsAsync(PointRestoreSegment segment, CancellationToken cancellationToken)
    {
        var list = await client.ListAsync<V1Pod>(segment.Metadata.NamespaceProperty, new ListOptions
        {
            LabelSelector = $"{SegRestoreLabels.SegmentUid}={segment.Metadata.Uid}",
        }, cancellationToken).ConfigureAwait(false);
        return [.. list.Items];
    }

    /// <summary>
    /// Launches attempt <paramref name="attempt"/> of the segment <paramref name="start"/> describes. With
    /// <paramref name="recordsStart"/> the segment's start is recorded together with the attempt (one ledger write, after
    /// the spec was accepted), else the start is in the ledger already and only the attempt is recorded.
    /// </summary>
    public async Task<LaunchResult> LaunchAsync(
        PointRestoreSegment segment, NewChain chain, SegmentStart start, bool recordsStart, int attempt, ApiDialect? dialect, CancellationToken cancellationToken)
    {
        var name = segment.Metadata.Name!;
        var ns = segment.Metadata.NamespaceProperty!;
        var podName = AttemptNames.Pod(name, attempt);
        var existing = await client.GetAsync<V1Pod>(podName, ns, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var adopted = await RecordAsync(chain.RootUid, start, recordsStart, new SegmentAttempt(attempt, podName), cancellationToken).ConfigureAwait(false);
            Adopt(segment, chain.RootUid, attempt, existing);
            return new LaunchResult(podName, Record: adopted);
        }

        // Everything that can refuse the spec runs before anything is recorded or created.
        var token = InMemoryAttemptTokenRegistry.NewToken();
        var secretName = AttemptNames.TokenSecret(name, attempt);
        var managed = chain.CheckpointMode == SegRestore.Store.Model.CheckpointMode.Managed;
        var claimName = managed ? AttemptNames.CheckpointClaim(chain.RootUid) : null;
        WorkerPodPlan podPlan;
        try
        {
            podPlan = PlanPod(segment, chain, start, attempt, dialect, token);
        }
        catch (BrArgumentException e)
        {
            return new LaunchResult(podName, Verdict.Invalid("InvalidSpec", e.Message));
        }

        var pod = podPlan.Build(claimName);

        // Before the attempt is recorded: a claim that is still being deleted holds the launch back (its pod would never start).
        var plan = managed ? await _claims.PrepareAsync(segment, chain.RootUid, cancellationToken).ConfigureAwait(false) : ClaimPlan.EmptyDir;
        if (plan.Wait is { } wait)
        {
            return new LaunchResult(podName, WaitMessage: wait);
        }

        if (plan.ClaimName != claimName)
        {
            pod = podPlan.Build(plan.ClaimName); // the same spec built a moment ago: it cannot be refused now
        }

        var record = await RecordAsync(chain.RootUid, start, recordsStart, new SegmentAttempt(attempt, podName), cancellationToken).ConfigureAwait(false);
        await UpsertSecretAsync(TokenSecretBuilder.Build(segment, chain.RootUid, attempt, secretName, token), cancellationToken).ConfigureAwait(false);
        tokens.Grant(chain.RootUid, start.Uid, attempt, podName, token);
        activity.OnLaunched(start.Uid, attempt, podPlan.BrImage);
        try
        {
            await client.CreateAsync(pod, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Created by an earlier reconcile whose answer was lost: adopt it with the hash it carries.
            var found = await client.GetAsync<V1Pod>(podName, ns, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                Adopt(segment, chain.RootUid, attempt, found);
            }
        }

        return new LaunchResult(podName, Record: record);
    }

    /// <summary>
    /// What must hold before a worker of this segment may be created, checked before the cluster's Lease, the ledger
    /// or a pod is touched: BR's arguments build from the spec (else Invalid), and every Secret and key the pod names
    /// exists (else <see cref="WorkerSecrets.SecretNotFound"/> / <see cref="WorkerSecrets.SecretKeyMissing"/>, in
    /// <paramref name="waitingPhase"/>), and so does every claim of a local:// storage (else
    /// <see cref="WorkerClaims.ClaimNotFound"/>). Null when the worker may start.
    /// </summary>
    public async Task<Verdict?> PreflightAsync(
        PointRestoreSegment segment, NewChain chain, SegmentStart start, int attempt, ApiDialect? dialect, SegmentPhase waitingPhase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        V1Pod pod;
        try
        {
            var plan = PlanPod(segment, chain, start, attempt, dialect, InMemoryAttemptTokenRegistry.NewToken());
            pod = plan.Build(null);
        }
        catch (BrArgumentException e)
        {
            return Verdict.Invalid("InvalidSpec", e.Message);
        }

        var ns = segment.Metadata.NamespaceProperty!;
        IReadOnlyList<SecretReference> references =
            [.. WorkerSecrets.Required(pod, segment.Spec, AttemptNames.TokenSecret(segment.Metadata.Name!, attempt)), .. WorkerSecrets.Sql(segment.Spec)];
        var keys = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        foreach (var secretName in references.Select(r => r.SecretName).Distinct(StringComparer.Ordinal))
        {
            var secret = await client.GetAsync<V1Secret>(secretName, ns, cancellationToken).ConfigureAwait(false);
            keys[secretName] = secret is null
                ? null
                : new HashSet<string>((secret.Data?.Keys ?? Enumerable.Empty<string>()).Concat(secret.StringData?.Keys ?? Enumerable.Empty<string>()), StringComparer.Ordinal);
        }

        if (WorkerSecrets.Check(references, name => keys[name], ns, waitingPhase) is { } secretProblem)
        {
            return secretProblem;
        }

        if (pod.Spec?.ServiceAccountName is { Length: > 0 } account
            && await client.GetAsync<V1ServiceAccount>(account, ns, cancellationToken).ConfigureAwait(false) is null)
        {
            return WorkerIdentity.NotFound(account, ns, waitingPhase);
        }

        var claims = WorkerClaims.Required(pod, segment.Spec, AttemptNames.CheckpointClaim(chain.RootUid));
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (claim, _) in claims)
        {
            if (await client.GetAsync<V1PersistentVolumeClaim>(claim, ns, cancellationToken).ConfigureAwait(false) is not null)
            {
                present.Add(claim);
            }
        }

        return WorkerClaims.Check(claims, present.Contains, ns, waitingPhase);
    }

    /// <summary>BR's command and the pod for one attempt, built from the spec; throws <see cref="BrArgumentException"/>
    /// when the spec cannot become BR's arguments.</summary>
    private WorkerPodPlan PlanPod(PointRestoreSegment segment, NewChain chain, SegmentStart start, int attempt, ApiDialect? dialect, string token)
    {
        var resolution = new SegmentResolution(
            start.Index == 0 ? null : new Tso(start.StartTs),
            start.RestoredTs is { } restored ? new Tso(restored) : null,
            LedgerViews.ToApi(chain.CheckpointMode),
            chain.CheckpointUrl);
        var capabilities = new BrCapabilities(ToProbe(dialect), SupportsCheckpointStorage: true, new BrVersionInfo(null, null, null, null, null, ""));
        var command = BrArgumentBuilder.Build(BrRestoreRequestMapper.FromSpec(segment.Spec, resolution, capabilities));
        var settings = WorkerPodSettings.From(options);
        var brImage = WorkerPodBuilder.BrImage(segment.Spec, settings);
        var secretName = AttemptNames.TokenSecret(segment.Metadata.Name!, attempt);
        var hash = Convert.ToHexStringLower(InMemoryAttemptTokenRegistry.HashToken(token));
        var hint = BrCapabilityReuse.HintFor(activity.ProbedBrOfChain(chain.RootUid), brImage);
        return new WorkerPodPlan(brImage, claim => WorkerPodBuilder.Build(new WorkerPodRequest(
            segment, chain.RootUid, start.Index, attempt, command, LedgerViews.ToApi(chain.CheckpointMode), secretName, hash, settings, hint, claim)));
    }

    /// <summary>Deletes the chain's checkpoint claim once the chain is finalized or abandoned.</summary>
    public Task DeleteCheckpointClaimAsync(string? ns, string rootUid, CancellationToken cancellationToken) =>
        _claims.DeleteAsync(ns, rootUid, cancellationToken);

    private Task<SegmentRecord> RecordAsync(string rootUid, SegmentStart start, bool recordsStart, SegmentAttempt attempt, CancellationToken cancellationToken) =>
        recordsStart
            ? ledger.RecordSegmentStartAsync(rootUid, start, attempt, cancellationToken)
            : ledger.RecordAttemptAsync(rootUid, start.Uid, attempt, cancellationToken);

    /// <summary>Re-grants a running pod's attempt from the token hash it carries (after an operator restart).</summary>
    public void Adopt(PointRestoreSegment segment, string rootUid, int attempt, V1Pod pod)
    {
        var uid = segment.Metadata.Uid!;
        if (pod.Spec?.InitContainers?.FirstOrDefault(c => c.Name == WorkerPodBuilder.InstallBrContainer)?.Image is { Length: > 0 } brImage)
        {
            activity.OnLaunched(uid, attempt, brImage);
        }

        if (pod.Metadata.Annotations?.TryGetValue(SegRestoreLabels.TokenSha256Annotation, out var hex) != true || !TokenHash.TryParse(hex, out var hash))
        {
            return;
        }

        if (tokens.Find(uid, attempt) is { } grant && grant.TokenSha256.AsSpan().SequenceEqual(hash))
        {
            return;
        }

        tokens.GrantHashed(rootUid, uid, attempt, pod.Metadata.Name!, hash);
    }

    public void RevokeAll(PointRestoreSegment segment)
    {
        var uid = segment.Metadata.Uid!;
        var attempts = segment.Status?.Attempts ?? 0;
        for (var attempt = 1; attempt <= Math.Max(attempts, 1) + 1; attempt++)
        {
            tokens.Revoke(uid, attempt);
            activity.Remove(uid, attempt);
        }
    }

    /// <summary>Keeps the worker's log (<see cref="AttemptLogStore"/>), then deletes the pod: BR gets SIGTERM and
    /// keeps its checkpoint. Returns the log kept, if it could be read.</summary>
    public async Task<AttemptLog?> StopPodAsync(PointRestoreSegment segment, V1Pod pod, CancellationToken cancellationToken)
    {
        var log = await KeepLogAsync(segment, pod, cancellationToken).ConfigureAwait(false);
        await DeletePodAsync(pod, cancellationToken).ConfigureAwait(false);
        return log;
    }

    /// <summary>Keeps the log of a worker pod of the segment (its attempt from the pod's label).</summary>
    public Task<AttemptLog?> KeepLogAsync(PointRestoreSegment segment, V1Pod pod, CancellationToken cancellationToken) =>
        pod.Metadata.Labels?.TryGetValue(SegRestoreLabels.Attempt, out var text) == true
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempt)
            ? logs.CaptureAsync(segment, attempt, pod, cancellationToken)
            : Task.FromResult<AttemptLog?>(null);

    public async Task DeletePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<V1Pod>(pod.Metadata.Name!, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
        }
    }

    /// <summary>Token Secrets of every attempt of a finished segment (their tokens are revoked already).</summary>
    public async Task DeleteTokenSecretsAsync(PointRestoreSegment segment, SegmentRecord record, CancellationToken cancellationToken)
    {
        foreach (var attempt in record.Attempts)
        {
            try
            {
                await client.DeleteAsync<V1Secret>(AttemptNames.TokenSecret(segment.Metadata.Name!, attempt.Number), segment.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (KubernetesApiException e) when (e.IsNotFound)
            {
            }
        }
    }

    /// <summary>Labels the segment with its chain and index and adds the finalizer, in one patch, before its first
    /// worker pod (<see cref="StartMarks"/>); nothing when it carries them already.</summary>
    public async Task MarkStartedAsync(PointRestoreSegment segment, string rootUid, int index, CancellationToken cancellationToken)
    {
        if (StartMarks.Patch(segment.Metadata, rootUid, index) is not { } patch)
        {
            return;
        }

        var patched = await client.PatchAsync<PointRestoreSegment>(segment.Metadata.Name!, segment.Metadata.NamespaceProperty, patch, cancellationToken).ConfigureAwait(false);
        segment.Metadata.ResourceVersion = patched.Metadata.ResourceVersion;
        segment.Metadata.Labels = patched.Metadata.Labels;
        segment.Metadata.Finalizers = patched.Metadata.Finalizers;
    }

    /// <summary>The statements BR could not run, for the user to run, owned by the last segment.</summary>
    public async Task WriteTiFlashSqlAsync(
        PointRestoreSegment segment, string rootUid, string name, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var sql = string.Concat(statements.Select(s => s.TrimEnd().TrimEnd(';') + ";\n"));
        var configMap = new V1ConfigMap
        {
            ApiVersion = V1ConfigMap.KubeApiVersion,
            Kind = V1ConfigMap.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = segment.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>
                {
                    [SegRestoreLabels.Chain] = rootUid,
                    [SegRestoreLabels.SegmentUid] = segment.Metadata.Uid!,
                    [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
                },
                OwnerReferences = [Owner(segment)],
            },
            Data = new Dictionary<string, string> { [TiFlashSqlKey] = sql },
        };
        try
        {
            await client.CreateAsync(configMap, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
        }
    }

    private async Task UpsertSecretAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateAsync(secret, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Left by an attempt whose pod was never created: give it the new token.
            var current = await client.GetAsync<V1Secret>(secret.Metadata.Name!, secret.Metadata.NamespaceProperty, cancellationToken).ConfigureAwait(false);
            secret.Metadata.ResourceVersion = current?.Metadata.ResourceVersion;
            await client.ReplaceAsync(secret, cancellationToken).ConfigureAwait(false);
        }
    }

    private static V1OwnerReference Owner(PointRestoreSegment segment) => new()
    {
        ApiVersion = PointRestoreSegment.GroupVersion,
        Kind = PointRestoreSegment.KindName,
        Name = segment.Metadata.Name!,
        Uid = segment.Metadata.Uid!,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    private static ProbeDialect ToProbe(ApiDialect? dialect) => dialect switch
    {
        ApiDialect.Last => ProbeDialect.Last,
        ApiDialect.None => ProbeDialect.None,
        _ => ProbeDialect.LastSegment,
    };
}
