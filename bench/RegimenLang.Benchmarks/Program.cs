using BenchmarkDotNet.Running;
using RegimenLang.Benchmarks.EditLoop;
using RegimenLang.Benchmarks.Large;

// `large`: the large-input runner; `stages FILE...`: one file's cost stage by stage; `generate SHAPE BYTES FILE`:
// one generated input; `edit-loop`: the editor's keystroke loop; anything else goes to
// BenchmarkDotNet (every benchmark class in this assembly; pick with --filter, e.g. --filter '*Expand*').
return args.FirstOrDefault() switch
{
    "large" => LargeRunner.Run(args[1..]),
    "edit-loop" => EditLoopRunner.Run(args[1..]),
    "stages" => StageRunner.Run(args[1..]),
    "generate" when args.Length == 4 => Generate(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]),
    _ => Run(args),
};

static int Generate(string shape, long size, string path)
{
    Console.WriteLine($"{path}: {LargeInputs.Generate(shape, size, path):N0} bytes");
    return 0;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RegimenLang.Benchmarks.ExpandBenchmark).Assembly).Run(args);
    return 0;
}
