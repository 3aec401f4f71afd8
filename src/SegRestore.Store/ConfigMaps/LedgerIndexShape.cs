using SegRestore.Store.Model;

namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// What JSON cannot promise about a stored index: System.Text.Json leaves a missing or null member of a record null
/// (or an enum an undefined number) without complaint, and the ledger would then fail later with a
/// NullReferenceException far from the cause. This names the first member that is missing or out of range.
/// </summary>
internal static class LedgerIndexShape
{
    public static string? FirstProblem(LedgerIndex index)
    {
        if (index.Chain?.Identity is not { } identity)
        {
            return "chain.identity is missing";
        }

        return Missing("chain.identity", identity.RootUid, identity.RootName, identity.Namespace, identity.PdAddress, identity.LogUrl)
            ?? Undefined("chain.state", index.Chain.State)
            ?? Undefined("chain.identity.checkpointMode", identity.CheckpointMode)
            ?? Undefined("chain.identity.dialect", identity.Dialect)
            ?? (index.Segments is null ? "segments is missing" : index.Segments.Select(SegmentProblem).FirstOrDefault(p => p is not null))
            ?? ItemsProblem(index.Items)
            ?? (index.Files is null ? "files is missing" : index.Files.Select(FileProblem).FirstOrDefault(p => p is not null))
            ?? (index.Released is null ? "released is missing" : null)
            ?? (index.Collecting is null || index.Collecting.Any(c => c is null) ? "collecting is missing or holds null" : null);
    }

    private static string? SegmentProblem(SegmentRecord? segment)
    {
        if (segment?.Start is not { } start)
        {
            return "a segment or its start is missing";
        }

        return Missing("segments[].start", start.Uid, start.Name, start.SpecHash)
            ?? Undefined("segments[].state", segment.State)
            ?? (segment.Attempts is null ? "segments[].attempts is missing" : null)
            ?? segment.Attempts?.Select(a => a?.PodName is null ? "segments[].attempts[] or its podName is missing"
                : a.Outcome is { } outcome ? Undefined("segments[].attempts[].outcome", outcome) : null).FirstOrDefault(p => p is not null);
    }

    private static string? ItemsProblem(ChainItems? items)
    {
        if (items?.TiFlash is null || items.Ingest is null || items.GeneratedSql is null)
        {
            return "items (tiFlash, ingest, generatedSql) is missing";
        }

        return items.TiFlash.Any(t => t?.Database is null || t.Table is null || t.LocationLabels is null || t.LocationLabels.Any(l => l is null))
            || items.Ingest.Any(i => i?.Database is null || i.Table is null || i.Index is null)
            || items.GeneratedSql.Any(s => s is null)
            ? "an item has a missing member"
            : null;
    }

    private static string? FileProblem(IndexedFile? file) =>
        file?.Path is null || file.Sha256 is null || file.Chunks is null || file.Chunks.Any(c => c is null) || file.Size < 0
            ? "a file, its path, sha256 or chunks is missing (or its size is negative)"
            : null;

    private static string? Missing(string where, params string?[] values) =>
        values.Any(v => v is null) ? $"{where} has a missing member" : null;

    private static string? Undefined<T>(string where, T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? null : $"{where} is {value}, not one of {string.Join(", ", Enum.GetNames<T>())}";
}
