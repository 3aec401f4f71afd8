using SegRestore.Br.Arguments;

namespace SegRestore.Br.Tests.Arguments;

public class StorageOptionReconcilerTests
{
    [Fact]
    public void Same_provider_urls_each_carry_every_key_so_nothing_leaks_between_them()
    {
        var request = Requests.FirstSegment() with
        {
            Log = new BrStorage("s3://logs/log", "s3", S3: new S3StorageOptions(Region: "us-west-2", Endpoint: "https://s3.us-west-2.amazonaws.com")),
            FullBackup = new BrStorage("s3://snap/full", "s3", S3: new S3StorageOptions(Region: "eu-central-1", StorageClass: "GLACIER_IR", ForcePathStyle: false)),
        };

        var argv = BrArgumentBuilder.Build(request).Argv.ToList();

        argv[argv.IndexOf("-s") + 1].Should().Be(
            "s3://logs/log?endpoint=https%3A%2F%2Fs3.us-west-2.amazonaws.com&force-path-style=true&region=us-west-2&storage-class=");
        argv[argv.IndexOf("--full-backup-storage") + 1].Should().Be(
            "s3://snap/full?endpoint=&force-path-style=false&region=eu-central-1&storage-class=GLACIER_IR");
    }

    [Fact]
    public void Different_providers_keep_only_their_own_options()
    {
        var log = StorageUrlParser.Parse(new BrStorage("gcs://logs/log", Gcs: new GcsStorageOptions("STANDARD")), "log");
        var full = StorageUrlParser.Parse(new BrStorage("s3://snap/full", S3: new S3StorageOptions("us-east-1")), "fullBackup");

        var (reconciledLog, reconciledFull) = StorageOptionReconciler.Reconcile(log, full);

        reconciledLog.Compose().Should().Be("gcs://logs/log?storage-class=STANDARD");
        reconciledFull!.Compose().Should().Be("s3://snap/full?region=us-east-1");
    }

    [Fact]
    public void Query_options_written_in_the_url_are_kept_with_brs_key_normalization()
    {
        var url = StorageUrlParser.Parse(new BrStorage("s3://b/p?Storage_Class=STANDARD&region=us-east-1", S3: new S3StorageOptions("us-east-1")), "log");

        url.Options.Should().BeEquivalentTo(new Dictionary<string, string> { ["storage-class"] = "STANDARD", ["region"] = "us-east-1" });
    }
}
