using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/SegRestore.Benchmarks -- --filter '*'`; the Op/s column is lines per second.
BenchmarkSwitcher.FromAssembly(typeof(SegRestore.Benchmarks.BrOutputParserBenchmark).Assembly).Run(args);
