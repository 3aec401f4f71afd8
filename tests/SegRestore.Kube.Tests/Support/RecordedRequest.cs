namespace SegRestore.Kube.Tests.Support;

public sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization, string UserAgent)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
