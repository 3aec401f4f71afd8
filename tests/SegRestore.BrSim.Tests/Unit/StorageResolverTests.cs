using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Tests.Unit;

public sealed class StorageResolverTests
{
    [Theory]
    [InlineData("local:///backup/log", "/backup/log")]
    [InlineData("s3://bucket/a/b?region=us-east-1", "/world/storage/s3/bucket/a/b")]
    [InlineData("gcs://bucket/p", "/world/storage/gcs/bucket/p")]
    [InlineData("azure://container/p", "/world/storage/azure/container/p")]
    public void Maps_urls_to_directories_when_credentials_are_present(string url, string directory)
    {
        var resolver = new StorageResolver("/world", _ => "set");
        var location = resolver.Resolve(url);
        location.Error.Should().BeNull();
        location.Directory.Should().Be(directory);
    }

    [Theory]
    [InlineData("s3://bucket/p", "NoCredentialProviders")]
    [InlineData("gcs://bucket/p", "could not find default credentials")]
    [InlineData("azure://c/p", "AZURE_CLIENT_ID")]
    [InlineData("hdfs://x/y", "storage hdfs not support yet")]
    public void Fails_like_br_without_credentials(string url, string error) =>
        new StorageResolver("/world", _ => null).Resolve(url).Error.Should().Contain(error);
}
