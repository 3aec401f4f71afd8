namespace SegRestore.LocalCluster.Api;

/// <summary>One kind of API request: the client's User-Agent, the RBAC verb, the API group and the resource (with
/// its subresource, e.g. <c>pods/log</c>, as RBAC names it).</summary>
public sealed record ApiRequestRecord(string UserAgent, string Verb, string Group, string Resource);
