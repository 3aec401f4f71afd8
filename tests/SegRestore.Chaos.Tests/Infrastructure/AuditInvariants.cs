using System.Globalization;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// "Each segment's range is restored exactly once, to completion", read from the simulator's audit.log (one
/// <c>segment-restored pd=.. start-ts=.. restored-ts=.. last=..</c> line per completed BR run), pure. Per target:
/// exactly one line per (start-ts, restored-ts); the restored-ts are the restore points in order; each range starts
/// where the previous one ended; only the final one is last. A line that repeats the range just before it with
/// <c>applied=0</c> is not a second restore: that run resumed from a checkpoint holding every file (its worker was lost
/// after BR had finished) and wrote no data, so it is set aside (<see cref="Refinished"/>) before the checks.
/// </summary>
public static class AuditInvariants
{
    public static IReadOnlyList<string> Violations(
        IReadOnlyList<IReadOnlyDictionary<string, string>> entries,
        IReadOnlyList<string> targets,
        IReadOnlyList<ulong> restorePoints)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(restorePoints);
        var violations = new List<string>();
        var known = targets.ToHashSet(StringComparer.Ordinal);
        foreach (var stray in entries.Select(e => e.GetValueOrDefault("pd") ?? "(none)").Where(pd => !known.Contains(pd)).Distinct())
        {
            violations.Add($"audit line for pd {stray}, which is none of the chains' targets");
        }

        foreach (var target in targets)
        {
            violations.AddRange(TargetViolations(target, entries.Where(e => e.GetValueOrDefault("pd") == target).ToList(), restorePoints));
        }

        return violations;
    }

    /// <summary>How many lines only finished again a range restored just before (<c>applied=0</c>).</summary>
    public static int Refinished(IReadOnlyList<IReadOnlyDictionary<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.GroupBy(e => e.GetValueOrDefault("pd")).Sum(g => g.Count() - WithoutRefinished(g.ToList()).Count);
    }

    private static List<IReadOnlyDictionary<string, string>> WithoutRefinished(IReadOnlyList<IReadOnlyDictionary<string, string>> lines)
    {
        var kept = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines)
        {
            var repeatsPrevious = kept.Count > 0
                && kept[^1].GetValueOrDefault("start-ts") == line.GetValueOrDefault("start-ts")
                && kept[^1].GetValueOrDefault("restored-ts") == line.GetValueOrDefault("restored-ts");
            if (!(repeatsPrevious && line.GetValueOrDefault("applied") == "0"))
            {
                kept.Add(line);
            }
        }

        return kept;
    }

    private static IEnumerable<string> TargetViolations(
        string target, IReadOnlyList<IReadOnlyDictionary<string, string>> allLines, IReadOnlyList<ulong> restorePoints)
    {
        var lines = WithoutRefinished(allLines);
        foreach (var repeated in lines.GroupBy(l => (Start: l.GetValueOrDefault("start-ts"), Restored: l.GetValueOrDefault("restored-ts")))
                     .Where(g => g.Count() > 1))
        {
            yield return $"target {target}: range {repeated.Key.Start}..{repeated.Key.Restored} restored {repeated.Count()} times";
        }

        var expected = restorePoints.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        var restored = lines.Select(l => l.GetValueOrDefault("restored-ts") ?? "?").ToList();
        if (!restored.SequenceEqual(expected, StringComparer.Ordinal))
        {
            yield return $"target {target}: restored-ts in audit order [{string.Join(", ", restored)}], expected the restore points [{string.Join(", ", expected)}]";
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].GetValueOrDefault("start-ts") != lines[i - 1].GetValueOrDefault("restored-ts"))
            {
                yield return $"target {target}: line {i + 1} starts at {lines[i].GetValueOrDefault("start-ts")}, " +
                    $"not where line {i} ended ({lines[i - 1].GetValueOrDefault("restored-ts")}): the ranges are not contiguous";
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var expectLast = i == restorePoints.Count - 1 ? "true" : "false";
            if (lines[i].GetValueOrDefault("last") != expectLast)
            {
                yield return $"target {target}: line {i + 1} (restored-ts {lines[i].GetValueOrDefault("restored-ts")}) has last={lines[i].GetValueOrDefault("last")}, expected {expectLast}";
            }
        }
    }
}
