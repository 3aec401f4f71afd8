namespace SegRestore.LocalCluster.Http;

/// <summary>What one counted API request was: who sent it (User-Agent), the verb, the resource (plural) and the
/// subresource (<c>status</c>, <c>log</c>, or null).</summary>
public sealed record RequestKey(string UserAgent, string Verb, string Group, string Resource, string? Subresource)
{
    /// <summary>create, update, patch, delete and deletecollection change state; get, list and watch do not.</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    public override string ToString() =>
        $"{Verb} {Resource}{(Subresource is null ? "" : "/" + Subresource)} by '{UserAgent}'";
}
