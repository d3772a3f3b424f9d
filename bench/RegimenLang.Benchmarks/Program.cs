using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/RegimenLang.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RegimenLang.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
