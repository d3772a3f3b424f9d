using System.Globalization;
using System.Text;

namespace RegimenLang.Benchmarks.Large;

/// <summary>One generated input: the files written and the command lines to run on them.</summary>
/// <param name="Shape">The shape's letter and name, e.g. "(a) many cycles".</param>
/// <param name="Bytes">The size of the file the case is about (the regimen, the formulary or the patient file).</param>
/// <param name="Commands">Each command's label and arguments to <c>regimen</c>.</param>
public sealed record LargeCase(string Shape, long Bytes, string Note, IReadOnlyList<(string Label, string[] Args)> Commands);

/// <summary>
/// Generators of large and awkward inputs, one per shape, each written at a target size: every shape at
/// 64,000 bytes (under the 64 KB target) and at 10,000,000 bytes (just under the 10 MiB file limit), or at
/// the limit of its kind of file (a formulary may hold 4 MiB, a patient file 1 MiB) plus once over it.
/// Every generator is deterministic, so two runs measure the same bytes.
/// </summary>
public static class LargeInputs
{
    public const long Small = 64_000;
    public const long Large = 10_000_000;

    /// <summary>A byte count in the tables: "64.0 KB", "10.0 MB" (decimal units).</summary>
    public static string Size(long bytes) => bytes >= 1_000_000
        ? (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>Every case, written into <paramref name="folder"/>; <paramref name="shipped"/> is a shipped regimen and its patient file.</summary>
    public static IReadOnlyList<LargeCase> All(string folder, (string Regimen, string Patient) shipped)
    {
        // The floor: the largest shipped regimen (4.6 KB), to tell what the machine's load does to every figure.
        var cases = new List<LargeCase>
        {
            new("(floor) shipped regimen 06", new FileInfo(shipped.Regimen).Length, "",
                [("check", ["check", shipped.Regimen]), ("fmt --check", ["fmt", "--check", shipped.Regimen])]),
        };
        foreach (long size in new[] { Small, Large })
        {
            cases.Add(RegimenCase(folder, "(a) many cycles", "many-cycles", size, ManyCycles, expandable: true));
            cases.Add(RegimenCase(folder, "(b) one cycle, many lines", "many-lines", size, ManyLines, expandable: true));
            cases.Add(RegimenCase(folder, "(c) a syntax error on every line", "syntax-errors", size, SyntaxErrors, expandable: false));
            cases.Add(RegimenCase(folder, "(d) long lines, trailing comments", "long-lines", size, LongLines, expandable: true));
            cases.Add(RegimenCase(folder, "(e) deep nesting, long and-chains", "deep-nesting", size, DeepNesting, expandable: true));
        }
        foreach (long size in new[] { Small, RegimenLang.Workspace.RegimenWorkspace.MaxSetupFileBytes - 4_096, 5_700_000 })
        {
            string path = Path.Combine(folder, $"formulary-{size}.yaml");
            long bytes = Write(path, size, Formulary);
            cases.Add(new LargeCase("(f) large formulary", bytes, Over(bytes, RegimenLang.Workspace.RegimenWorkspace.MaxSetupFileBytes),
                [("check --formulary", ["check", shipped.Regimen, "--formulary", path])]));
        }
        foreach (long size in new[] { Small, RegimenLang.Workspace.PatientSource.MaxPatientFileBytes - 1_024, Large })
        {
            string path = Path.Combine(folder, $"patient-{size}.yaml");
            long bytes = Write(path, size, PatientAliases);
            cases.Add(new LargeCase("(g) patient file, many YAML aliases", bytes, Over(bytes, RegimenLang.Workspace.PatientSource.MaxPatientFileBytes),
            [
                ("check --patient", ["check", shipped.Regimen, "--patient", path]),
                ("expand --patient", ["expand", shipped.Regimen, "--patient", path]),
            ]));
        }
        return cases;
    }

    /// <summary>The generators by name, for <c>generate NAME BYTES FILE</c> (one input, to look at or profile).</summary>
    public static readonly IReadOnlyDictionary<string, Action<StringBuilder, long>> Generators = new Dictionary<string, Action<StringBuilder, long>>(StringComparer.Ordinal)
    {
        ["many-cycles"] = ManyCycles,
        ["many-lines"] = ManyLines,
        ["syntax-errors"] = SyntaxErrors,
        ["long-lines"] = LongLines,
        ["deep-nesting"] = DeepNesting,
        ["formulary"] = Formulary,
        ["patient"] = PatientAliases,
    };

    /// <summary>Writes one input of <paramref name="name"/>'s shape at <paramref name="size"/> bytes; returns its size.</summary>
    public static long Generate(string name, long size, string path) => Write(path, size, Generators[name]);

    private static string Over(long bytes, long limit) => bytes > limit ? $"over the {Size(limit)} limit: refused" : "";

    private static LargeCase RegimenCase(string folder, string shape, string name, long size, Action<StringBuilder, long> generate, bool expandable)
    {
        string path = Path.Combine(folder, $"{name}-{size}.regimen");
        long bytes = Write(path, size, generate);
        var commands = new List<(string, string[])>
        {
            ("check", ["check", path]),
            ("fmt --check", ["fmt", "--check", path]),
            ("ast --format json", ["ast", path, "--format", "json"]),
            ("check --format sarif", ["check", path, "--format", "sarif"]),
        };
        if (expandable)
        {
            commands.Add(("expand", ["expand", path, "--height", "170", "--weight", "72", "--age", "54", "--sex", "female", "--start", "2026-01-05", "--format", "csv"]));
        }
        return new LargeCase(shape, bytes, "", commands);
    }

    private static long Write(string path, long size, Action<StringBuilder, long> generate)
    {
        var text = new StringBuilder();
        generate(text, size);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        File.WriteAllBytes(path, bytes);
        return bytes.Length;
    }

    private static void Header(StringBuilder text, string title, string id) => text
        .Append("# Generated by bench/RegimenLang.Benchmarks (large inputs). Not a regimen.\n")
        .Append("regimen \"").Append(title).Append("\"\n")
        .Append("id: ").Append(id).Append('\n')
        .Append("source: NCT01371630\n\n");

    /// <summary>Appends lines from <paramref name="next"/> while the text stays under <paramref name="size"/> less <paramref name="reserve"/> characters (all ASCII: characters are bytes).</summary>
    private static int Fill(StringBuilder text, long size, int reserve, Func<int, string> next)
    {
        int i = 0;
        while (true)
        {
            string line = next(i);
            if (text.Length + line.Length + reserve > size)
            {
                return i;
            }
            text.Append(line);
            i++;
        }
    }

    private static readonly string[] Drugs =
    [
        "cyclophosphamide 750 mg/m2 IV", "vincristine 1.4 mg/m2 IV", "doxorubicin 50 mg/m2 IV", "prednisone 100 mg PO",
        "etoposide 100 mg/m2 IV", "cytarabine 100 mg/m2 IV", "methotrexate 20 mg/m2 PO", "mercaptopurine 50 mg PO",
        "dexamethasone 20 mg PO", "rituximab 375 mg/m2 IV", "ifosfamide 1800 mg/m2 IV", "cisplatin 20 mg/m2 IV",
    ];

    /// <summary>(a) Many small cycles (80,000 in 10 MB), every one of them in the plan, 50 to a phase.</summary>
    public static void ManyCycles(StringBuilder text, long size)
    {
        Header(text, "Generated: many cycles", "gen-many-cycles");
        const int PerPhase = 50;
        // The plan names every cycle: about 18 bytes per cycle, reserved before the cycles are written.
        int cycles = 0;
        while (true)
        {
            string cycle = Cycle(cycles);
            long planBytes = 16 + (cycles + 1) * 18L + ((cycles / PerPhase) + 1) * 20L;
            if (text.Length + cycle.Length + planBytes > size)
            {
                break;
            }
            text.Append(cycle);
            cycles++;
        }
        text.Append("plan {\n");
        for (int start = 0; start < cycles; start += PerPhase)
        {
            text.Append("  p").Append(start / PerPhase).Append(": ");
            text.AppendJoin(" then ", Enumerable.Range(start, Math.Min(PerPhase, cycles - start)).Select(Name));
            text.Append('\n');
        }
        text.Append("}\n");

        static string Name(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);
        static string Cycle(int i) =>
            $"cycle {Name(i)} length 21 days {{\n  {Drugs[i % Drugs.Length]} day 1\n  vincristine 1.4 mg/m2 IV day 8 cap 2 mg\n}}\n";
    }

    /// <summary>(b) One cycle with as many administration lines as fit: every other line the same line again (SameDayRule's worst case).</summary>
    public static void ManyLines(StringBuilder text, long size)
    {
        Header(text, "Generated: one cycle, many lines", "gen-many-lines");
        text.Append("cycle big length 28 days {\n");
        const string Plan = "}\n\nplan {\n  main: big x 2\n}\n";
        Fill(text, size, Plan.Length, i => i % 2 == 0
            ? "  cyclophosphamide 300 mg/m2 IV day 1\n"
            : $"  {Drugs[(i / 2) % Drugs.Length]} day {1 + (i / 2) % 28}\n");
        text.Append(Plan);
    }

    /// <summary>(c) A syntax error on every line: a million lines in 10 MB.</summary>
    public static void SyntaxErrors(StringBuilder text, long size)
    {
        Header(text, "Generated: syntax errors", "gen-syntax-errors");
        Fill(text, size, 0, i => (i % 3) switch
        {
            0 => "@@ 1 @@\n",
            1 => "vinc 1 q\n",
            _ => "cycle {\n",
        });
    }

    /// <summary>
    /// (d) Lines of 9,900-9,999 characters (the limit is 10,000): administrations with a long note and a
    /// trailing comment, written with extra spaces so the formatter rewrites every one, and long comment lines.
    /// </summary>
    public static void LongLines(StringBuilder text, long size)
    {
        Header(text, "Generated: long lines", "gen-long-lines");
        const string Plan = "plan {\n  main: long0\n}\n";
        int cycles = 0;
        int lines = 0;
        text.Append("cycle long0 length 21 days {\n");
        Fill(text, size, Plan.Length + 40, i =>
        {
            var line = new StringBuilder();
            if (i > 0 && i % 100 == 0)
            {
                line.Append("}\ncycle long").Append(++cycles).Append(" length 21 days {\n");
            }
            int length = 9_900 + (lines++ * 7) % 100;
            if (i % 10 == 9)
            {
                line.Append("  # ").Append('c', length - 4).Append('\n');
                return line.ToString();
            }
            string start = $"  {Drugs[i % Drugs.Length].Replace(" ", "   ", StringComparison.Ordinal)}   day {1 + i % 21}   note \"";
            const string End = "\" # trailing comment, kept on the line by the formatter when it fits";
            line.Append(start).Append('n', length - start.Length - End.Length).Append(End).Append('\n');
            return line.ToString();
        });
        text.Append("}\n").Append(Plan);
    }

    /// <summary>
    /// (e) Legal but deep: conditions 60 parentheses deep, long runs of <c>not</c>, <c>and</c> chains as long as a
    /// line allows (48 declared flags), a chain of 200 blocks each including the next, and a plan
    /// sequence nested 60 deep.
    /// </summary>
    public static void DeepNesting(StringBuilder text, long size)
    {
        Header(text, "Generated: deep nesting", "gen-deep-nesting");
        const int Flags = 48;
        for (int f = 0; f < Flags; f++)
        {
            text.Append("input f").Append(f).Append(": flag\n");
        }
        const int Chain = 200;
        for (int b = 0; b < Chain; b++)
        {
            text.Append("block b").Append(b).Append(" {\n  ").Append(Drugs[b % Drugs.Length]).Append(" day ").Append(1 + b % 21).Append(" when f").Append(b % Flags).Append('\n');
            if (b + 1 < Chain)
            {
                text.Append("  include b").Append(b + 1).Append('\n');
            }
            text.Append("}\n");
        }
        string deepParens = new string('(', 60) + "age >= 60" + new string(')', 60);
        string nots = string.Concat(Enumerable.Repeat("not ", 60)) + "f1";
        string andChain = string.Join(" and ", Enumerable.Range(0, 640).Select(i => i % 3 == 0 ? $"f{i % Flags}" : i % 3 == 1 ? $"age >= {18 + i % 60}" : $"weight > {40 + i % 50} kg"));
        string orChain = string.Join(" or ", Enumerable.Range(0, 380).Select(i => $"(f{i % Flags} and age < {20 + i % 60})"));
        string Cycle(int c) => $"cycle c{c} length 21 days {{\n"
            + $"  cyclophosphamide 750 mg/m2 IV day 1 when {deepParens}\n"
            + $"  vincristine 1.4 mg/m2 IV day 1 cap 2 mg when {nots}\n"
            + $"  doxorubicin 50 mg/m2 IV day 1 when {andChain}\n"
            + $"  etoposide 100 mg/m2 IV days 1-3 when {orChain}\n"
            + (c == 0 ? "  include b0\n" : "")
            + "}\n";
        // A plan sequence 60 levels deep (parentheses, x and then each count one): ((c0 x 1) then c1) ...
        var sequence = new StringBuilder("c0");
        for (int d = 1; d <= 15; d++)
        {
            sequence.Insert(0, '(').Append(" x 1) then c").Append(d % 2).Insert(0, '(').Append(')');
        }
        string plan = $"plan {{\n  main: {sequence}\n}}\n";
        int cycles = Fill(text, size, plan.Length, Cycle);
        if (cycles < 2)
        {
            throw new InvalidOperationException("the deep-nesting shape needs room for two cycles");
        }
        text.Append(plan);
    }

    /// <summary>
    /// (f) A formulary of generated drugs, each with aliases, routes, limits, usual doses, intervals and a long note
    /// (about 1,550 bytes and 58 YAML values, keys included, a drug: a formulary may stand for at most 200,000 values, so a file
    /// of 4 MiB needs long entries to be loaded at all).
    /// </summary>
    public static void Formulary(StringBuilder text, long size)
    {
        text.Append("# Generated by bench/RegimenLang.Benchmarks (large inputs). Not a formulary.\ndrugs:\n");
        string note = string.Concat(Enumerable.Repeat("generated note, as long as a real monograph's remarks. ", 16));
        Fill(text, size, 0, i =>
        {
            string name = "gendrug" + i.ToString(CultureInfo.InvariantCulture);
            return $"""
                  - name: {name}
                    aliases: [{name}-a, {name}-b, {name}-c, GD{i}, GenBrand{i}]
                    class: generated class {i % 40}
                    routes: [IV, PO, SC]
                    source: "generated entry {i}"
                    notes: "{note}"
                    forbiddenRoutes:
                      - route: IT
                        reason: "generated: never intrathecal"
                        source: "generated"
                    limits:
                      - per: administration
                        max: {1 + i % 900} mg/m2
                        source: "generated"
                      - per: cycle
                        max: {2 + i % 900} g
                        source: "generated"
                    usual:
                      - dose: {1 + i % 500} mg
                        route: IV
                        source: "generated"
                    minIntervalDays: {1 + i % 20}
                    minIntervalSource: "generated"

                """;
        });
    }

    /// <summary>
    /// (g) A patient file whose values are mostly YAML aliases: one anchored value referred to by thousands of
    /// inputs and prior exposures, and anchored mappings referred to again (each alias counts what it names).
    /// </summary>
    public static void PatientAliases(StringBuilder text, long size)
    {
        text.Append("# Generated by bench/RegimenLang.Benchmarks (large inputs). Not a person.\n")
            .Append("height: &h 170 cm\nweight: 72 kg\nage: 45\nsex: male\nstart: 2026-01-05\n")
            .Append("inputs:\n  cd20: &p 35%\n");
        int half = (int)(size / 2);
        Fill(text, half, 0, i => $"  in{i}: *p\n");
        text.Append("prior:\n  doxorubicin: &d 150 mg/m2\n");
        Fill(text, size, 0, i => $"  Adriamycin{i}: *d\n");
    }
}
