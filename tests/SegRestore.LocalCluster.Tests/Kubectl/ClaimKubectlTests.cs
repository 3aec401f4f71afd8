namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>kubectl with PersistentVolumeClaims: apply, the pvc short name and columns, describe, delete.</summary>
[Trait("Category", "Kubectl")]
public sealed class ClaimKubectlTests : KubectlTestBase, IDisposable
{
    private readonly string _manifest = Path.Combine(Directory.CreateTempSubdirectory("lc-kubectl-pvc-").FullName, "pvc.yaml");

    [KubectlFact]
    public async Task Kubectl_applies_shows_and_deletes_a_claim()
    {
        await File.WriteAllTextAsync(_manifest, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: segrestore-checkpoint-abc
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: standard
              resources:
                requests:
                  storage: 1Gi
            """);

        (await Kubectl.Ok("apply", "-f", _manifest)).Should().Contain("persistentvolumeclaim/segrestore-checkpoint-abc created");
        await Support.Eventually.Until(async () =>
            (await Kubectl.Run("get", "pvc", "segrestore-checkpoint-abc", "-o", "jsonpath={.status.phase}")).Output == "Bound", "the claim is bound");
        var table = await Kubectl.Ok("get", "pvc");
        var described = await Kubectl.Ok("describe", "pvc", "segrestore-checkpoint-abc");
        (await Kubectl.Ok("apply", "-f", _manifest)).Should().Contain("unchanged");
        var deleted = await Kubectl.Ok("delete", "pvc", "segrestore-checkpoint-abc", "--wait=true", "--timeout=60s");

        table.Should().MatchRegex(@"NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS");
        table.Should().MatchRegex(@"segrestore-checkpoint-abc\s+Bound\s+pvc-[0-9a-f-]+\s+1Gi\s+RWO\s+standard");
        described.Should().MatchRegex(@"Status:\s+Bound").And.MatchRegex(@"Capacity:\s+1Gi").And.Contain("kubernetes.io/pvc-protection");
        deleted.Should().Contain("deleted");
        (await Kubectl.Run("get", "pvc", "segrestore-checkpoint-abc")).ExitCode.Should().NotBe(0);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_manifest)!, recursive: true);
}
