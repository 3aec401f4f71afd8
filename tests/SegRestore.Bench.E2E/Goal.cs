using System.Globalization;

namespace SegRestore.Bench.E2E;

/// <summary>One goal of the issue, the measured value, and whether it was met (written as it is either way).</summary>
public sealed record Goal(string Name, string Target, double Measured, string Unit, bool Met)
{
    public string Row() =>
        $"| {Name} | {Target} | {Measured.ToString("0.###", CultureInfo.InvariantCulture)} {Unit} | {(Met ? "met" : "**not met**")} |";

    public static string Table(IEnumerable<Goal> goals) =>
        "| Goal | Target | Measured | Verdict |\n|---|---|---|---|\n" + string.Join('\n', goals.Select(g => g.Row())) + "\n";
}
