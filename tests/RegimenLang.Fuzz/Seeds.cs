namespace RegimenLang.Fuzz;

/// <summary>A regimen to start from, with the patient it is expanded for.</summary>
public sealed record RegimenSeed(string Name, string Text, string Patient);

/// <summary>A YAML file to start from.</summary>
public sealed record YamlSeed(string Name, string Text);

/// <summary>
/// The corpus the fuzzer starts from, read from the repository: every regimen and patient file under
/// <c>regimens/</c> and the test fixtures, the built-in formulary (whole, and in slices of a few entries
/// so that damage is dense), and regimen.yaml files (the fixtures', or a few written here when there are none).
/// </summary>
public sealed class Seeds
{
    /// <summary>Configurations as the documentation and tests write them (the repository keeps no regimen.yaml fixture).</summary>
    private static readonly string[] ConfigTexts =
    [
        "rules:\n  RL5001: off\n  RL3007: error\n",
        "rules:\n  RL5001: info\n  RL5002: error\n  RL2005: warning\n  RL5005: off\nformulary:\n  - local.formulary.yaml\n",
        "formulary: [local.formulary.yaml]\n",
        "# project settings\nrules: { RL5005: warning }\n",
    ];

    public required string Root { get; init; }
    public required IReadOnlyList<RegimenSeed> Regimens { get; init; }
    public required IReadOnlyList<YamlSeed> Patients { get; init; }
    public required IReadOnlyList<YamlSeed> Formularies { get; init; }
    public required IReadOnlyList<YamlSeed> Configs { get; init; }

    /// <summary>The folder holding RegimenLang.sln, from <paramref name="start"/> upwards.</summary>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegimenLang.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"RegimenLang.sln not found above {start}");
    }

    public static Seeds Load(string root)
    {
        string[] folders = [Path.Combine(root, "regimens"), Path.Combine(root, "tests", "RegimenLang.Tests", "Fixtures")];
        var files = folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Select(f => f.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        var regimens = new List<RegimenSeed>();
        foreach (var file in files.Where(f => f.EndsWith(".regimen", StringComparison.Ordinal)))
        {
            string patientFile = file[..^".regimen".Length] + ".patient.yaml";
            string patient = File.Exists(patientFile) ? File.ReadAllText(patientFile) : FuzzFixtures.DefaultPatient;
            regimens.Add(new RegimenSeed(Relative(file), File.ReadAllText(file), patient));
        }
        regimens.Add(new RegimenSeed("(default regimen)", FuzzFixtures.DefaultRegimen, FuzzFixtures.DefaultPatient));

        var patients = files.Where(f => f.EndsWith(".patient.yaml", StringComparison.Ordinal))
            .Select(f => new YamlSeed(Relative(f), File.ReadAllText(f)))
            .Append(new YamlSeed("(default patient)", FuzzFixtures.DefaultPatient))
            .ToList();

        string formularyFile = Path.Combine(root, "src", "RegimenLang", "Semantics", "Formulary", "formulary.yaml");
        string formulary = File.ReadAllText(formularyFile);
        var formularies = new List<YamlSeed> { new(Relative(formularyFile), formulary) };
        formularies.AddRange(Slices(formulary).Select((s, i) => new YamlSeed($"{Relative(formularyFile)} (slice {i + 1})", s)));
        formularies.AddRange(files.Where(f => f.EndsWith(FuzzFixtures.FormularyExtension, StringComparison.Ordinal)).Select(f => new YamlSeed(Relative(f), File.ReadAllText(f))));

        var configs = files.Where(f => f.EndsWith("/regimen.yaml", StringComparison.Ordinal) || f.EndsWith(FuzzFixtures.ConfigExtension, StringComparison.Ordinal))
            .Select(f => new YamlSeed(Relative(f), File.ReadAllText(f)))
            .Concat(ConfigTexts.Select((t, i) => new YamlSeed($"(configuration {i + 1})", t)))
            .ToList();

        return new Seeds { Root = root, Regimens = regimens, Patients = patients, Formularies = formularies, Configs = configs };
    }

    /// <summary>The formulary cut into files of a few drug entries each (a drug entry starts with "  - name:").</summary>
    private static IEnumerable<string> Slices(string formulary, int entriesPerSlice = 4)
    {
        var lines = formulary.Split('\n');
        var starts = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("  - name:", StringComparison.Ordinal)).ToList();
        for (int i = 0; i < starts.Count; i += entriesPerSlice)
        {
            int from = starts[i];
            int to = i + entriesPerSlice < starts.Count ? starts[i + entriesPerSlice] : lines.Length;
            yield return "drugs:\n" + string.Join("\n", lines[from..to]) + "\n";
        }
    }

    /// <summary>Every line of the regimen seeds (for splicing into regimens).</summary>
    public IReadOnlyList<string> RegimenLines => [.. Regimens.SelectMany(r => r.Text.Split('\n')).Distinct(StringComparer.Ordinal)];

    /// <summary>Every line of the YAML seeds (for splicing into YAML).</summary>
    public IReadOnlyList<string> YamlLines =>
        [.. Patients.Concat(Formularies.Take(1)).Concat(Configs).SelectMany(y => y.Text.Split('\n')).Distinct(StringComparer.Ordinal)];
}
