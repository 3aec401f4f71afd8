using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using SegRestore.Br.Output;

namespace SegRestore.Benchmarks;

/// <summary>
/// Lines per second of BR's output parser over the realistic fixtures (log lines, terminal bars, multi-line errors),
/// repeated to <see cref="LineCount"/> lines. One operation is one line, so the Op/s column reads lines/second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LinesPerSecondConfig))]
public class BrOutputParserBenchmark
{
    public const int LineCount = 20_000;

    private string _output = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "output");
        var lines = Directory.GetFiles(directory).OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .Where(l => l.Length > 0)
            .ToList();
        _output = string.Join('\n', Enumerable.Range(0, LineCount).Select(i => lines[i % lines.Count])) + "\n";
    }

    [Benchmark(OperationsPerInvoke = LineCount)]
    public int PushWholeOutput()
    {
        var parser = new BrOutputParser();
        return parser.Push(_output).Count + parser.Complete().Count;
    }

    [Benchmark(OperationsPerInvoke = LineCount)]
    public int PushIn4KiBChunks()
    {
        var parser = new BrOutputParser();
        var count = 0;
        for (var at = 0; at < _output.Length; at += 4096)
        {
            count += parser.Push(_output.AsSpan(at, Math.Min(4096, _output.Length - at))).Count;
        }

        return count + parser.Complete().Count;
    }

    private sealed class LinesPerSecondConfig : ManualConfig
    {
        public LinesPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
