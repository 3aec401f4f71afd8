using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/SegRestore.Benchmarks -- --filter '*'`; the Op/s column is lines per second.
// Artifacts (reports) go next to the binaries, which git ignores, instead of the working directory.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(SegRestore.Benchmarks.BrOutputParserBenchmark).Assembly).Run(args, config);
