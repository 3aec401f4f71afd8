using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

/// <summary>Facts the controller observed just now; each is optional (unknown facts are not checked).</summary>
/// <param name="ObservedPdClusterId">The PD cluster id the target reports now.</param>
/// <param name="LeaseHolderChain">The chain identity (root uid, else root name) that holds the cluster's Lease.</param>
/// <param name="BrCapability">What the BR image can do, from probing it.</param>
/// <param name="Now">The controller's clock, for the restore point's place in time.</param>
public sealed record RuntimeFacts(
    ulong? ObservedPdClusterId = null,
    string? LeaseHolderChain = null,
    BrDialect? BrCapability = null,
    DateTimeOffset? Now = null);
