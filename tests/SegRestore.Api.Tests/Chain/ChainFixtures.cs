using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Chain;

/// <summary>Builds segments for chain-rule tables: a valid chain unless a test edits it.</summary>
internal static class ChainFixtures
{
    public const string Pd = "basic-pd.tidb:2379";
    public const string LogUrl = "s3://backups/log";

    public static PointRestoreSegmentSpec RootSpec(string restoredTs = "1000") => new()
    {
        Cluster = new ClusterSpec { Pd = Pd, TlsSecretName = "basic-cluster-client-secret" },
        FullBackup = new StorageSpec { Url = "s3://backups/full", SecretName = "s3-creds", S3 = new S3StorageOptions { Region = "us-west-2" } },
        Log = new StorageSpec { Url = LogUrl, SecretName = "s3-creds", S3 = new S3StorageOptions { Region = "us-west-2" } },
        RestoredTs = restoredTs,
        Br = new BrSpec { Image = "pingcap/br:v9.0.0" },
    };

    public static PointRestoreSegmentSpec NextSpec(string previous, string? restoredTs, bool last = false) => new()
    {
        Cluster = new ClusterSpec { Pd = Pd, TlsSecretName = "basic-cluster-client-secret" },
        PreviousSegment = previous,
        Log = new StorageSpec { Url = LogUrl, SecretName = "s3-creds", S3 = new S3StorageOptions { Region = "us-west-2" } },
        RestoredTs = restoredTs,
        Last = last,
        Br = new BrSpec { Image = "pingcap/br:v9.0.0" },
    };

    public static ChainMember Root(
        string name = "s0",
        string restoredTs = "1000",
        SegmentPhase? phase = SegmentPhase.Succeeded,
        Action<PointRestoreSegmentSpec>? edit = null) =>
        Member(name, RootSpec(restoredTs), phase, edit);

    public static ChainMember Next(
        string name,
        string previous,
        string? restoredTs,
        SegmentPhase? phase = null,
        bool last = false,
        Action<PointRestoreSegmentSpec>? edit = null) =>
        Member(name, NextSpec(previous, restoredTs, last), phase, edit);

    public static ChainMember Member(string name, PointRestoreSegmentSpec spec, SegmentPhase? phase, Action<PointRestoreSegmentSpec>? edit)
    {
        edit?.Invoke(spec);
        return new ChainMember(name, "uid-" + name, spec, phase);
    }

    public static ChainView View(params ChainMember[] members) => new(members);

    public static LedgerChain Ledger(
        bool finalized = false,
        bool abandoned = false,
        ulong? clusterId = 7,
        ChainSettings? settings = null,
        params LedgerSegment[] segments) =>
        new("uid-s0", "s0", finalized, abandoned, clusterId, settings, segments);

    public static LedgerSegment Recorded(string name, int index, ulong? restoredTs, bool succeeded = true, bool last = false, string? specHash = null) =>
        new(name, "uid-" + name, index, null, restoredTs is null ? null : new Tso(restoredTs.Value), last, succeeded, specHash);
}
