using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; pick with --filter, e.g. --filter '*Expand*'.
BenchmarkSwitcher.FromAssembly(typeof(RegimenLang.Benchmarks.ExpandBenchmark).Assembly).Run(args);
