using System.Text.Json;
using RegimenLang.Cli;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

public sealed class ExpandAndSnapshotCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regimen-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Error) Run(params string[] args) => RegimenLang.Tests.Cli.CliRunner.Run(args);

    private static string Shipped(string name) => Path.Combine(RepoRoot(), "regimens", name);

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("ics")]
    public void Expand_runs_the_patient_checks_and_prints_a_timeline_with_errors_only_when_asked(string format)
    {
        // Six cycles of doxorubicin 75 mg/m2 are 450 mg/m2: under the lifetime maximum, so 'check' without a patient is clean;
        // with 300 mg/m2 of prior exposure this patient reaches 750 mg/m2.
        string regimen = Path.Combine(_folder, "dox.regimen");
        File.WriteAllText(regimen, "regimen \"T\"\nsource: NCT00000001\ncycle A length 21 days {\n  doxorubicin 75 mg/m2 IV day 1\n}\nplan {\n  main: A x 6\n}\n");
        string patient = Path.Combine(_folder, "p.yaml");
        File.WriteAllText(patient, "height: 170 cm\nweight: 70 kg\nstart: 2026-01-05\nprior:\n  doxorubicin: 300 mg/m2\n");
        Assert.Equal(0, Run("check", regimen).Exit);

        var refused = Run("expand", regimen, "--patient", patient, "--format", format);
        Assert.Equal(1, refused.Exit);
        Assert.Equal("", refused.Out);
        Assert.Contains("RL3005", refused.Error, StringComparison.Ordinal);

        var allowed = Run("expand", regimen, "--patient", patient, "--format", format, "--allow-errors");
        Assert.Equal(1, allowed.Exit);
        Assert.Contains("doxorubicin", allowed.Out, StringComparison.Ordinal);
        int finding = allowed.Out.IndexOf("RL3005", StringComparison.Ordinal);
        int firstDose = allowed.Out.IndexOf("2026", finding < 0 ? 0 : finding, StringComparison.Ordinal);
        Assert.True(finding >= 0, allowed.Out);
        // The finding comes before the administrations.
        Assert.True(finding < allowed.Out.LastIndexOf("doxorubicin", StringComparison.Ordinal), allowed.Out);
        Assert.True(firstDose > finding);

        // Without prior exposure the same expansion is clean, with no findings section.
        File.WriteAllText(patient, "height: 170 cm\nweight: 70 kg\nstart: 2026-01-05\n");
        var clean = Run("expand", regimen, "--patient", patient, "--format", format, "--allow-errors");
        Assert.Equal(0, clean.Exit);
        Assert.DoesNotContain("RL3005", clean.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_regimens_match_their_golden_timelines()
    {
        var (exit, output, error) = Run("snapshot", Path.Combine(RepoRoot(), "regimens"));
        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("no snapshot", output, StringComparison.Ordinal);
        Assert.Contains("19 equal, 0 different", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_json_follows_the_contract()
    {
        var (exit, output, error) = Run("expand", Shipped("08-hcvad-blina-frontline.regimen"),
            "--patient", Shipped("08-hcvad-blina-frontline.patient.yaml"), "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("hcvad-blina-frontline", root.GetProperty("regimen").GetProperty("id").GetString());
        Assert.Equal(1.84m, root.GetProperty("patient").GetProperty("bsa").GetDecimal());
        Assert.Equal("mosteller", root.GetProperty("patient").GetProperty("bsaSource").GetString());
        Assert.Equal(35m, root.GetProperty("patient").GetProperty("inputs").GetProperty("cd20").GetDecimal());
        Assert.Equal("2026-01-05", root.GetProperty("start").GetString());

        var first = root.GetProperty("administrations")[0];
        string[] fields = ["date", "planDay", "phase", "cycle", "phaseCycle", "cycleName", "cycleDay", "time", "drug", "route",
            "prescribed", "amount", "unit", "duration", "doseNumber", "doseCount", "adjustments", "notes", "line"];
        foreach (var field in fields)
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing field {field}");
        }
        Assert.Equal("cyclophosphamide", first.GetProperty("drug").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("amount").ValueKind);
        Assert.Equal(552m, first.GetProperty("amount").GetDecimal());
        Assert.Equal("300 mg/m2", first.GetProperty("prescribed").GetString());
        Assert.Equal("3 h", first.GetProperty("duration").GetString());
        Assert.Equal(1, first.GetProperty("doseNumber").GetInt32());
        Assert.Equal(6, first.GetProperty("doseCount").GetInt32());

        var cyclophosphamide = root.GetProperty("administrations").EnumerateArray()
            .Where(a => a.GetProperty("drug").GetString() == "cyclophosphamide" && a.GetProperty("cycle").GetInt32() == 1).ToList();
        Assert.Equal(["08:00", "20:00", "08:00", "20:00", "08:00", "20:00"], cyclophosphamide.Select(a => a.GetProperty("time").GetString()));
        Assert.Equal([1, 1, 2, 2, 3, 3], cyclophosphamide.Select(a => a.GetProperty("cycleDay").GetInt32()));

        var total = root.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("drug").GetString() == "cyclophosphamide");
        Assert.Equal(6624m, total.GetProperty("amount").GetDecimal());
        Assert.Equal("mg", total.GetProperty("unit").GetString());
    }

    [Fact]
    public void Expand_blinatumomab_cycle_one_totals_651_mcg()
    {
        var (exit, output, _) = Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--weight", "72", "--format", "json", "--start", "2026-01-05");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var cycle1 = json.RootElement.GetProperty("cycleTotals").EnumerateArray()
            .Single(t => t.GetProperty("cycle").GetInt32() == 1 && t.GetProperty("drug").GetString() == "blinatumomab");
        Assert.Equal(651m, cycle1.GetProperty("amount").GetDecimal());
        Assert.Equal("mcg", cycle1.GetProperty("unit").GetString());
    }

    [Fact]
    public void Expand_other_formats_and_output_file()
    {
        string file = Path.Combine(_folder, "timeline.csv");
        var (exit, _, error) = Run("expand", Shipped("12-inotuzumab-rr.regimen"), "--bsa", "1.8", "--set", "cr=true", "--format", "csv", "-o", file);
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(file);
        Assert.StartsWith("date,planDay,phase,cycle,phaseCycle,cycleName,cycleDay,time,drug,route", lines[0], StringComparison.Ordinal);
        // A header, then 18 inotuzumab doses, each with its two premedications (dexamethasone, acetaminophen).
        Assert.Equal(1 + 18 * 3, lines.Length);

        foreach (var format in new[] { "table", "yaml", "md" })
        {
            var (code, output, _) = Run("expand", Shipped("12-inotuzumab-rr.regimen"), "--bsa", "1.8", "--set", "cr=false", "--format", format);
            Assert.Equal(0, code);
            Assert.Contains("inotuzumab", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Expand_exit_codes()
    {
        // A missing fact: exit 1 with a diagnostic naming the flag; nothing on standard output.
        var (exit, output, error) = Run("expand", Shipped("06-mini-hcvd-ino-blina-rr.regimen"), "--height", "170", "--weight", "72");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("error RL6001", error, StringComparison.Ordinal);
        Assert.Contains("--set cd20=", error, StringComparison.Ordinal);

        Assert.Equal(2, Run("expand", Path.Combine(_folder, "missing.regimen")).Exit);
        Assert.Equal(2, Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--weight", "0").Exit);
        Assert.Equal(2, Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--bsa-formula", "haycock").Exit);
        Assert.Equal(2, Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--start", "yesterday").Exit);
        Assert.Equal(2, Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--patient", Path.Combine(_folder, "none.yaml")).Exit);

        string badPatient = Path.Combine(_folder, "bad.patient.yaml");
        File.WriteAllText(badPatient, "height: 170 cm\nweight: 0 kg\n");
        var bad = Run("expand", Shipped("01-blinatumomab-rr.regimen"), "--patient", badPatient);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("bad.patient.yaml:2:9: error RL6002", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_passes_fails_with_a_diff_and_updates()
    {
        string regimen = Path.Combine(_folder, "pomp.regimen");
        File.WriteAllText(regimen, Regimen("  vincristine 2 mg IV day 1\n  prednisone 200 mg PO daily days 1-5", plan: "main: A x 2"));
        File.WriteAllText(Path.Combine(_folder, "pomp.patient.yaml"), "height: 170 cm\nweight: 72 kg\n");

        var none = Run("snapshot", _folder);
        Assert.Equal(0, none.Exit);
        Assert.Contains("no snapshot", none.Out, StringComparison.Ordinal);

        var created = Run("snapshot", _folder, "--update");
        Assert.Equal(0, created.Exit);
        string golden = Path.Combine(_folder, "pomp.timeline.txt");
        Assert.True(File.Exists(golden));
        Assert.Contains("start: 2026-01-05", File.ReadAllText(golden), StringComparison.Ordinal);

        Assert.Equal(0, Run("snapshot", _folder).Exit);

        File.WriteAllText(regimen, Regimen("  vincristine 2 mg IV day 1\n  prednisone 100 mg PO daily days 1-5", plan: "main: A x 2"));
        var failed = Run("snapshot", _folder);
        Assert.Equal(1, failed.Exit);
        Assert.Contains("--- " + golden, failed.Out, StringComparison.Ordinal);
        var diff = failed.Out.Split('\n');
        Assert.Contains(diff, l => l.StartsWith('-') && l.Contains("prednisone", StringComparison.Ordinal) && l.Contains("200 mg", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.StartsWith('+') && l.Contains("prednisone", StringComparison.Ordinal) && l.Contains("100 mg", StringComparison.Ordinal));
        Assert.Contains(diff, l => l.StartsWith("@@ ", StringComparison.Ordinal));

        Assert.Equal(0, Run("snapshot", _folder, "--update").Exit);
        Assert.Equal(0, Run("snapshot", _folder).Exit);
    }
}
