using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;

namespace SegRestore.Br.Tests.Arguments;

public class BrArgumentBuilderTests
{
    [Fact]
    public void First_segment_gets_the_full_backup_restored_ts_explicit_last_flag_and_managed_checkpoint()
    {
        var command = BrArgumentBuilder.Build(Requests.FirstSegment());

        command.Argv.Should().Equal(
            "restore", "point",
            "--pd", "basic-pd.tidb:2379",
            "-s", "s3://backups/log?region=us-west-2",
            "--full-backup-storage", "s3://backups/full-20260122?region=us-west-2",
            "--restored-ts", "463736143872000000",
            "--last-segment=false",
            "--checkpoint-storage", "local:///var/lib/segrestore/checkpoint");
        command.Env.Should().Equal(
            new EnvFromSecret("AWS_ACCESS_KEY_ID", "s3-creds", "access_key"),
            new EnvFromSecret("AWS_SECRET_ACCESS_KEY", "s3-creds", "secret_key"));
    }

    [Fact]
    public void Later_segment_starts_at_the_previous_restored_tso()
    {
        var argv = BrArgumentBuilder.Build(Requests.LaterSegment()).Argv;

        argv.Should().ContainInConsecutiveOrder("--start-ts", "463736143872000000");
        argv.Should().NotContain("--full-backup-storage");
    }

    public static TheoryData<BrDialect, bool, string?> Dialects => new()
    {
        { BrDialect.LastSegment, false, "--last-segment=false" },
        { BrDialect.LastSegment, true, "--last-segment=true" },
        { BrDialect.Last, false, "--last=false" },
        { BrDialect.Last, true, "--last=true" },
        { BrDialect.None, true, null },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_last_flag_follows_the_dialect_and_is_always_explicit(BrDialect dialect, bool last, string? expected)
    {
        var argv = BrArgumentBuilder.Build(Requests.LaterSegment() with { Dialect = dialect, Last = last }).Argv;

        var lastFlags = argv.Where(a => a.StartsWith("--last", StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            lastFlags.Should().BeEmpty();
        }
        else
        {
            lastFlags.Should().Equal(expected);
        }
    }

    [Fact]
    public void A_br_without_either_flag_cannot_run_a_non_last_segment()
    {
        var build = () => BrArgumentBuilder.Build(Requests.LaterSegment() with { Dialect = BrDialect.None, Last = false });

        build.Should().Throw<BrArgumentException>().Which.Message.Should().Contain("BrLacksSegmentedRestore");
    }

    public static TheoryData<string, BrStorage, string, string[]> Providers => new()
    {
        {
            "s3 with every option",
            new BrStorage("s3://logs/prefix", "aws", S3: new S3StorageOptions("us-east-1", "https://minio.local:9000", "ceph", "aws:kms", "bucket-owner-full-control", "STANDARD_IA", true)),
            "s3://logs/prefix?acl=bucket-owner-full-control&endpoint=https%3A%2F%2Fminio.local%3A9000&force-path-style=true&provider=ceph&region=us-east-1&sse=aws%3Akms&storage-class=STANDARD_IA",
            ["AWS_ACCESS_KEY_ID=aws/access_key", "AWS_SECRET_ACCESS_KEY=aws/secret_key"]
        },
        {
            "gcs",
            new BrStorage("gcs://logs/prefix", "gcp", Gcs: new GcsStorageOptions("NEARLINE", "projectPrivate", "https://storage.googleapis.com")),
            "gcs://logs/prefix?endpoint=https%3A%2F%2Fstorage.googleapis.com&predefined-acl=projectPrivate&storage-class=NEARLINE",
            ["GCS_SERVICE_ACCOUNT_JSON_KEY=gcp/credentials"]
        },
        {
            "azure",
            new BrStorage("azure://logs/prefix", "az", Azblob: new AzblobStorageOptions("acct", "Cool", "scope1")),
            "azure://logs/prefix?access-tier=Cool&account-name=acct&encryption-scope=scope1",
            ["AZURE_CLIENT_ID=az/AZURE_CLIENT_ID?", "AZURE_CLIENT_SECRET=az/AZURE_CLIENT_SECRET?", "AZURE_TENANT_ID=az/AZURE_TENANT_ID?", "AZURE_STORAGE_ACCOUNT=az/AZURE_STORAGE_ACCOUNT?", "AZURE_STORAGE_KEY=az/AZURE_STORAGE_KEY?"]
        },
        { "local", new BrStorage("local:///mnt/backup/log"), "local:///mnt/backup/log", [] },
        { "s3 without secret (IAM role)", new BrStorage("s3://logs/p", S3: new S3StorageOptions(Region: "eu-west-1")), "s3://logs/p?region=eu-west-1", [] },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_gets_its_options_in_the_url_and_credentials_as_secret_references(
        string name, BrStorage log, string expectedUrl, string[] expectedEnv)
    {
        var command = BrArgumentBuilder.Build(Requests.LaterSegment() with { Log = log });

        command.Argv.Should().ContainInConsecutiveOrder(new[] { "-s", expectedUrl }, name);
        command.Env.Select(e => $"{e.Name}={e.SecretName}/{e.SecretKey}{(e.Optional ? "?" : string.Empty)}")
            .Should().Equal(expectedEnv, name);
    }

    [Fact]
    public void Tls_files_filters_and_concurrency_are_passed_as_separate_tokens()
    {
        var request = Requests.LaterSegment() with
        {
            Tls = new BrTlsFiles("/var/lib/segrestore/tls/ca.crt", "/var/lib/segrestore/tls/tls.crt", "/var/lib/segrestore/tls/tls.key"),
            Filters = ["shop.*", "!shop.tmp_*"],
            Concurrency = 64,
            PitrConcurrency = 8,
        };

        var argv = BrArgumentBuilder.Build(request).Argv;

        argv.Should().ContainInConsecutiveOrder("--ca", "/var/lib/segrestore/tls/ca.crt", "--cert", "/var/lib/segrestore/tls/tls.crt", "--key", "/var/lib/segrestore/tls/tls.key");
        argv.Should().ContainInConsecutiveOrder("--filter", "shop.*", "--filter", "!shop.tmp_*");
        argv.Should().ContainInConsecutiveOrder("--concurrency", "64", "--pitr-concurrency", "8");
    }

    public static TheoryData<BrCheckpointMode, string?, string?> CheckpointModes => new()
    {
        { BrCheckpointMode.Managed, null, "local:///var/lib/segrestore/checkpoint" },
        { BrCheckpointMode.External, "s3://ckpt/orders", "s3://ckpt/orders" },
        { BrCheckpointMode.Table, null, null },
    };

    [Theory]
    [MemberData(nameof(CheckpointModes))]
    public void Checkpoint_storage_follows_the_mode(BrCheckpointMode mode, string? url, string? expected)
    {
        var argv = BrArgumentBuilder.Build(Requests.LaterSegment() with { CheckpointMode = mode, CheckpointUrl = url }).Argv.ToList();

        var at = argv.IndexOf("--checkpoint-storage");
        (at < 0 ? null : argv[at + 1]).Should().Be(expected);
    }

    [Fact]
    public void Extra_args_are_appended_last_after_validation()
    {
        var argv = BrArgumentBuilder.Build(Requests.LaterSegment() with { ExtraArgs = ["--ratelimit=128", "--log-level=debug"] }).Argv;

        argv.TakeLast(2).Should().Equal("--ratelimit=128", "--log-level=debug");
    }

    [Fact]
    public void The_log_file_is_set_only_when_the_worker_asks_for_it()
    {
        BrArgumentBuilder.Build(Requests.LaterSegment()).Argv.Should().NotContain("--log-file");
        BrArgumentBuilder.Build(Requests.LaterSegment() with { LogFile = "/dev/stderr" }).Argv
            .Should().ContainInConsecutiveOrder("--log-file", "/dev/stderr");
    }

    [Fact]
    public void Open_ended_last_segment_omits_restored_ts()
    {
        var argv = BrArgumentBuilder.Build(Requests.LaterSegment() with { RestoredTs = null, Last = true }).Argv;

        argv.Should().NotContain("--restored-ts");
        argv.Should().Contain("--last-segment=true");
    }

    public static TheoryData<string, BrRestoreRequest, string> Invalid => new()
    {
        { "both start points", Requests.FirstSegment() with { StartTs = 1 }, "startTs" },
        { "no start point", Requests.LaterSegment() with { StartTs = null }, "fullBackup" },
        { "no restoredTs on a non-last segment", Requests.LaterSegment() with { RestoredTs = null }, "restoredTs" },
        { "restoredTs not after startTs", Requests.LaterSegment() with { RestoredTs = Requests.FullBackupRestoredTs }, "restoredTs" },
        { "empty pd", Requests.LaterSegment() with { Pd = " " }, "cluster.pd" },
        { "unknown scheme", Requests.LaterSegment() with { Log = new BrStorage("hdfs://nn/log") }, "log.url" },
        { "no bucket", Requests.LaterSegment() with { Log = new BrStorage("s3:///log") }, "log.url" },
        { "key in url", Requests.LaterSegment() with { Log = new BrStorage("s3://b/log?access-key=AKIA1&secret-access-key=xyz") }, "log.url" },
        { "password in url", Requests.LaterSegment() with { Log = new BrStorage("s3://user:pw@b/log") }, "log.url" },
        { "s3 block on gcs url", Requests.LaterSegment() with { Log = new BrStorage("gcs://b/log", S3: new S3StorageOptions("r")) }, "log.s3" },
        { "option twice", Requests.LaterSegment() with { Log = new BrStorage("s3://b/log?region=a", S3: new S3StorageOptions("b")) }, "log.s3" },
        { "secret on local", Requests.LaterSegment() with { Log = new BrStorage("local:///x", "s") }, "log.secretName" },
        { "external without url", Requests.LaterSegment() with { CheckpointMode = BrCheckpointMode.External }, "checkpoint.url" },
        { "url with table mode", Requests.LaterSegment() with { CheckpointMode = BrCheckpointMode.Table, CheckpointUrl = "s3://c/p" }, "checkpoint.url" },
        { "br lacks checkpoint storage", Requests.LaterSegment() with { CheckpointStorageSupported = false }, "checkpoint.mode" },
        { "zero concurrency", Requests.LaterSegment() with { Concurrency = 0 }, "br.concurrency" },
        { "empty filter", Requests.LaterSegment() with { Filters = [""] }, "br.filter" },
        { "filter that reads as a flag", Requests.LaterSegment() with { Filters = ["-x"] }, "filter" },
        { "owned extra arg", Requests.LaterSegment() with { ExtraArgs = ["--pd=other:2379"] }, "br.extraArgs" },
        { "different secrets for one provider", Requests.FirstSegment() with { FullBackup = Requests.FirstSegment().FullBackup! with { SecretName = "other" } }, "log.secretName" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Bad_requests_fail_with_the_field_named(string name, BrRestoreRequest request, string field)
    {
        var build = () => BrArgumentBuilder.Build(request);

        var error = build.Should().Throw<BrArgumentException>(name).Which;
        error.Field.Should().Be(field, name);
        error.Message.Should().Contain(field.Split('.')[0], name);
    }

    [Fact]
    public void Different_providers_each_bring_their_own_secret()
    {
        var request = Requests.FirstSegment() with { FullBackup = new BrStorage("gcs://full/snap", "gcp") };

        BrArgumentBuilder.Build(request).Env.Select(e => e.Name)
            .Should().Equal("GCS_SERVICE_ACCOUNT_JSON_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }
}
