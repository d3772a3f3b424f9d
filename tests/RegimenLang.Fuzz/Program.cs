using System.Globalization;
using System.Text;
using RegimenLang.Fuzz;

// regimen-fuzz: a deterministic, seeded mutation fuzzer of the RegimenLang library. See FuzzRunner.
return FuzzOptions.Parse(args) switch
{
    ({ } options, null) => options.Replay is { } replay ? new FuzzRunner(options).Replay(replay) : new FuzzRunner(options).Run(),
    (_, { } error) => Usage(error),
    _ => Usage(null),
};

static int Usage(string? error)
{
    var help = new StringBuilder();
    if (error is not null)
    {
        help.Append("error: ").AppendLine(error);
    }
    help.AppendLine("usage: RegimenLang.Fuzz [--seconds N] [--seed N] [--stack-kib N] [--out DIR] [--max-findings N] [--iteration N] [--profile] [--slow-reported-only]");
    help.AppendLine("       RegimenLang.Fuzz --replay FOLDER [--stack-kib N]");
    help.AppendLine("  --seconds N       how long to run (default 60)");
    help.AppendLine("  --seed N          the seed of the run (default 1); the same seed gives the same inputs");
    help.AppendLine("  --stack-kib N     run the work on a thread with this stack size (1024 = the 1 MiB Windows default)");
    help.AppendLine("  --out DIR         where findings are saved (default: a new folder under the temp folder)");
    help.AppendLine("  --max-findings N  stop after N distinct findings (default 25)");
    help.AppendLine("  --iteration N     run only input number N of the seed (to reproduce one)");
    help.AppendLine("  --profile         print the time spent in each stage of the pipeline");
    help.AppendLine("  --slow-reported-only  report and save slow inputs without failing the run (CI: timing on a shared machine is no verdict)");
    help.AppendLine("  --replay FOLDER   run the reproducers of a folder (NAME.regimen, NAME.patient.yaml, ...) and report");
    help.AppendLine("Exit status: 0 no finding, 1 findings, 2 usage error.");
    (error is null ? Console.Out : Console.Error).Write(help.ToString());
    return error is null ? 0 : 2;
}

namespace RegimenLang.Fuzz
{
    /// <summary>The command line of the fuzzer.</summary>
    public sealed record FuzzOptions
    {
        public int Seconds { get; init; } = 60;
        public int Seed { get; init; } = 1;
        public int? StackKib { get; init; }
        public string? Out { get; init; }
        public int MaxFindings { get; init; } = 25;
        public long? Iteration { get; init; }
        public string? Replay { get; init; }
        public bool Profile { get; init; }
        public bool SlowReportedOnly { get; init; }

        /// <summary>The options, or the usage error; (null, null) for --help.</summary>
        public static (FuzzOptions? Options, string? Error) Parse(string[] args)
        {
            var options = new FuzzOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name is "-h" or "--help")
                {
                    return (null, null);
                }
                if (name == "--profile")
                {
                    options = options with { Profile = true };
                    continue;
                }
                if (name == "--slow-reported-only")
                {
                    options = options with { SlowReportedOnly = true };
                    continue;
                }
                if (i + 1 >= args.Length)
                {
                    return (null, $"{name} needs a value");
                }
                string value = args[++i];
                bool number = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n >= 0;
                switch (name)
                {
                    case "--seconds" when number && n <= int.MaxValue:
                        options = options with { Seconds = (int)n };
                        break;
                    case "--seed" when number && n <= int.MaxValue:
                        options = options with { Seed = (int)n };
                        break;
                    case "--stack-kib" when number && n is >= 128 and <= 1024 * 1024:
                        options = options with { StackKib = (int)n };
                        break;
                    case "--max-findings" when number && n is >= 1 and <= int.MaxValue:
                        options = options with { MaxFindings = (int)n };
                        break;
                    case "--iteration" when number:
                        options = options with { Iteration = n };
                        break;
                    case "--out":
                        options = options with { Out = value };
                        break;
                    case "--replay":
                        options = options with { Replay = value };
                        break;
                    case "--seconds" or "--seed" or "--stack-kib" or "--max-findings" or "--iteration":
                        return (null, $"{name}: '{value}' is not a valid number here");
                    default:
                        return (null, $"unknown option {name}");
                }
            }
            return (options, null);
        }
    }
}
