using System.Text;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Patients;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;
using Xunit.Abstractions;

namespace RegimenLang.Tests.Checking;

/// <summary>
/// The slip set (Fixtures/Slips): correct copies of well-known regimens (<c>BASE.regimen</c> with its patient
/// <c>BASE.patient.yaml</c>) and realistic authoring slips, each the base with one change
/// (<c>BASE.SLIP.regimen</c>, whose first two lines say <c># slip: what changed</c> and <c># expect: RLxxxx</c>).
/// Every file is checked as <c>regimen check</c> checks it, without and with the base's patient: a slip must be
/// given its expected code by one of the two runs, a base must get no finding at all from either.
/// Slips that wait for a rule not in the catalogue yet (<see cref="PendingCodes"/>), slips the current rules miss
/// (<see cref="KnownMisses"/>) and bases with a false alarm (<see cref="KnownFalseAlarms"/>) are reported as skipped,
/// with the reason, never silently; a fact fails as soon as an entry of those lists is out of date.
/// </summary>
public sealed class SlipSetTests(ITestOutputHelper output)
{
    /// <summary>Codes of rules being written: the slips expecting them are skipped until the code is in the catalogue.</summary>
    private static readonly Dictionary<string, string> PendingCodes = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Slips whose expected code exists but which the current rules do not give, with the reason found.</summary>
    private static readonly Dictionary<string, string> KnownMisses = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Correct bases that get a finding, with the finding and why the base is right.</summary>
    private static readonly Dictionary<string, string> KnownFalseAlarms = new(StringComparer.Ordinal)
    {
    };

    /// <summary>The size the set must keep (issue 10: at least 40 slips).</summary>
    private const int MinimumSlips = 40;

    private static string Folder => RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Slips");

    private static IEnumerable<string> Bases() =>
        Directory.EnumerateFiles(Folder, "*.regimen").Select(f => Path.GetFileName(f)!)
            .Where(n => n.Count(c => c == '.') == 1).Order(StringComparer.Ordinal);

    private static IEnumerable<Slip> Slips() =>
        Directory.EnumerateFiles(Folder, "*.regimen").Select(f => Path.GetFileName(f)!)
            .Where(n => n.Count(c => c == '.') == 2).Order(StringComparer.Ordinal).Select(Slip.Read);

    public static TheoryData<string, string> CheckedSlips() =>
        Rows(Slips().Where(s => !PendingCodes.ContainsKey(s.Expected) && !KnownMisses.ContainsKey(s.File)));

    public static TheoryData<string, string> PendingSlips() => Rows(Slips().Where(s => PendingCodes.ContainsKey(s.Expected)));

    public static TheoryData<string, string> MissedSlips() =>
        Rows(Slips().Where(s => !PendingCodes.ContainsKey(s.Expected) && KnownMisses.ContainsKey(s.File)));

    public static TheoryData<string> CleanBases() => [.. Bases().Where(b => !KnownFalseAlarms.ContainsKey(b))];

    public static TheoryData<string> FalseAlarmBases() => [.. Bases().Where(KnownFalseAlarms.ContainsKey)];

    private static TheoryData<string, string> Rows(IEnumerable<Slip> slips)
    {
        var data = new TheoryData<string, string>();
        foreach (var slip in slips)
        {
            data.Add(slip.File, slip.Expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CheckedSlips))]
    [MemberData(nameof(PendingSlips), Skip = "pending: the expected code is in PendingCodes, a rule not in the catalogue yet")]
    [MemberData(nameof(MissedSlips), Skip = "known miss on the current rules: see KnownMisses for the reason")]
    public void The_slip_gets_its_expected_code(string slip, string expected)
    {
        var found = Check(slip);
        Assert.True(found.Codes.Contains(expected),
            $"{slip} ({Slip.Read(slip).What}) expects {expected}, got: {found.Describe()}");
    }

    [Theory]
    [MemberData(nameof(CleanBases))]
    [MemberData(nameof(FalseAlarmBases), Skip = "known false alarm on a correct base: see KnownFalseAlarms")]
    public void The_correct_base_gets_no_finding(string regimen)
    {
        var found = Check(regimen);
        Assert.True(found.Without.Count == 0 && found.With.Count == 0, $"{regimen}: {found.Describe()}");
    }

    [Fact]
    public void The_set_has_enough_slips_and_every_slip_has_a_base_a_patient_and_a_known_code()
    {
        var slips = Slips().ToList();
        Assert.True(slips.Count >= MinimumSlips, $"{slips.Count} slips, at least {MinimumSlips} wanted");
        Assert.All(Bases(), b => Assert.True(File.Exists(Path.Combine(Folder, Patient(b))), $"{b} has no {Patient(b)}"));
        Assert.All(slips, s =>
        {
            Assert.True(File.Exists(Path.Combine(Folder, s.Base)), $"{s.File}: no base {s.Base}");
            Assert.True(DiagnosticCatalog.Find(s.Expected) is not null || PendingCodes.ContainsKey(s.Expected),
                $"{s.File}: {s.Expected} is neither in the catalogue nor in PendingCodes");
        });
    }

    [Fact]
    public void Every_slip_is_its_base_with_one_change()
    {
        Assert.All(Slips(), slip =>
        {
            string[] body = Lines(slip.File)[2..];
            string[] source = Lines(slip.Base);
            int prefix = 0;
            while (prefix < body.Length && prefix < source.Length && body[prefix] == source[prefix])
            {
                prefix++;
            }
            int suffix = 0;
            while (suffix < body.Length - prefix && suffix < source.Length - prefix
                && body[^(suffix + 1)] == source[^(suffix + 1)])
            {
                suffix++;
            }
            // One hunk: the lines between the common start and the common end differ, and nothing else does.
            int changedInSlip = body.Length - prefix - suffix;
            int changedInBase = source.Length - prefix - suffix;
            Assert.True(changedInSlip + changedInBase > 0, $"{slip.File} is its base unchanged");
            Assert.True(changedInSlip <= 2 && changedInBase <= 2,
                $"{slip.File} differs from its base in more than one place: between line {prefix + 1} and line {source.Length - suffix} of the base");
        });
    }

    [Fact]
    public void The_lists_of_pending_codes_known_misses_and_false_alarms_are_current()
    {
        var problems = new List<string>();
        problems.AddRange(PendingCodes.Keys.Where(c => DiagnosticCatalog.Find(c) is not null)
            .Select(c => $"{c} is in the catalogue now: remove it from PendingCodes so that its slips are checked"));
        var files = Slips().ToDictionary(s => s.File, StringComparer.Ordinal);
        foreach (var (file, _) in KnownMisses)
        {
            if (!files.TryGetValue(file, out var slip))
            {
                problems.Add($"KnownMisses names {file}, which is not a slip");
            }
            else if (Check(file).Codes.Contains(slip.Expected))
            {
                problems.Add($"{file} gets {slip.Expected} now: remove it from KnownMisses");
            }
        }
        foreach (var (file, _) in KnownFalseAlarms)
        {
            if (!Bases().Contains(file, StringComparer.Ordinal))
            {
                problems.Add($"KnownFalseAlarms names {file}, which is not a base");
            }
            else if (Check(file) is { Without.Count: 0, With.Count: 0 })
            {
                problems.Add($"{file} is clean now: remove it from KnownFalseAlarms");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Not an assertion: the table of what the current rules do with the set, in the test output.</summary>
    [Fact]
    public void Summary_of_the_set()
    {
        var report = new StringBuilder();
        int caught = 0, pending = 0, missed = 0;
        foreach (var slip in Slips())
        {
            var found = Check(slip.File);
            string state;
            if (found.Codes.Contains(slip.Expected))
            {
                state = "caught";
                caught++;
            }
            else if (PendingCodes.ContainsKey(slip.Expected))
            {
                state = "pending";
                pending++;
            }
            else
            {
                state = "missed";
                missed++;
            }
            report.AppendLine($"{state,-8} {slip.Expected}  {slip.File}  [{found.Describe()}]");
        }
        var alarms = Bases().Select(b => (Base: b, Found: Check(b))).Where(b => b.Found.Codes.Count > 0).ToList();
        foreach (var (b, found) in alarms)
        {
            report.AppendLine($"alarm    base {b}  [{found.Describe()}]");
        }
        output.WriteLine($"slips: {caught + pending + missed}; caught {caught}, pending {pending}, missed {missed}; bases: {Bases().Count()}, with a finding {alarms.Count}");
        output.WriteLine(report.ToString());
        Assert.Equal(Slips().Count(), caught + pending + missed);
    }

    private static string Patient(string regimen) => regimen[..regimen.IndexOf('.', StringComparison.Ordinal)] + ".patient.yaml";

    private static string[] Lines(string file) =>
        File.ReadAllText(Path.Combine(Folder, file)).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary><c>regimen check FILE</c> and <c>regimen check FILE --patient BASE.patient.yaml</c>, through the library.</summary>
    private static Findings Check(string file)
    {
        string path = Path.Combine(Folder, file);
        var workspace = new RegimenWorkspace(PhysicalFileSystem.Instance);
        var without = CheckRun.Run(workspace, [path]);
        var patient = new PatientSource(Path.Combine(Folder, Patient(file)), PatientDraft.Empty,
            new PatientOptions(BsaFormula.Mosteller, null, SnapshotRun.DefaultStart));
        var with = CheckRun.Run(workspace, [path], patient);
        Assert.Empty(without.Unreadable);
        Assert.Empty(with.Unreadable);
        return new Findings([.. without.AllDiagnostics], [.. with.AllDiagnostics]);
    }

    private sealed record Findings(IReadOnlyList<Diagnostic> Without, IReadOnlyList<Diagnostic> With)
    {
        public IReadOnlySet<string> Codes { get; } = Without.Concat(With).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        public string Describe() =>
            Without.Count + With.Count == 0
                ? "no finding"
                : $"without patient: {List(Without)}; with patient: {List(With)}";

        private static string List(IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Count == 0 ? "none" : string.Join(" ", diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>A slip file: <c>BASE.SLIP.regimen</c> with <c># slip: ...</c> and <c># expect: RLxxxx</c> on its first two lines.</summary>
    private sealed record Slip(string File, string Base, string What, string Expected)
    {
        public static Slip Read(string file)
        {
            string[] lines = System.IO.File.ReadLines(Path.Combine(Folder, file)).Take(2).ToArray();
            const string SlipPrefix = "# slip: ", ExpectPrefix = "# expect: ";
            Assert.True(lines.Length == 2 && lines[0].StartsWith(SlipPrefix, StringComparison.Ordinal) && lines[1].StartsWith(ExpectPrefix, StringComparison.Ordinal),
                $"{file} must start with '{SlipPrefix}...' and '{ExpectPrefix}RLxxxx'");
            string expected = lines[1][ExpectPrefix.Length..].Trim();
            Assert.Matches("^RL[0-9]{4}$", expected);
            return new Slip(file, file[..file.IndexOf('.', StringComparison.Ordinal)] + ".regimen", lines[0][SlipPrefix.Length..].Trim(), expected);
        }
    }
}
