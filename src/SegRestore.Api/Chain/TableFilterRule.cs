using System.Text.RegularExpressions;

namespace SegRestore.Api.Chain;

/// <summary>One parsed rule of BR's table filter (<c>[!]schema.table</c> with wildcards, case-insensitive).</summary>
public sealed record TableFilterRule(bool Positive, Regex Schema, Regex Table, bool TableMatchesAll);
