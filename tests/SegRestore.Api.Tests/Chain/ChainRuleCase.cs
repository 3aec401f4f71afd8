using SegRestore.Api.Chain;

namespace SegRestore.Api.Tests.Chain;

/// <summary>One row of the chain-rule table: a segment, its view, and the expected verdict.</summary>
internal sealed record ChainRuleCase(
    ChainMember Self,
    ChainView View,
    ChainOutcome Outcome,
    ChainReason? Reason,
    string MessageFragment,
    Action<ChainEvaluation>? Extra = null);
