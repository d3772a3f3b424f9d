using RegimenLang.Tests.Cli;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Output.Fhir;

/// <summary>
/// <c>regimen export --format fhir</c> on every shipped regimen: the JSON validates against the FHIR R4 base profiles with the
/// Firely validator (0 errors), with and without the regimen's test patient; the warnings are golden files beside the regimens'
/// other goldens; two regimens' JSON is golden too.
/// </summary>
public sealed class FhirExportTests
{
    public static TheoryData<string> Regimens()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("regimens"), "*.regimen").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    /// <summary>Runs <c>regimen export</c> in-process; paths in the warnings are made relative to the repository, as a user at its root sees them.</summary>
    public static (int Code, string Json, string Warnings) Export(string name, bool withPatient)
    {
        string regimen = RepoPaths.Combine("regimens", name + ".regimen");
        string[] patient = withPatient ? ["--patient", RepoPaths.Combine("regimens", name + ".patient.yaml")] : [];
        var (code, json, error) = CliRunner.Run(["export", regimen, "--format", "fhir", "--no-color", .. patient]);
        return (code, json, error.Replace(RepoPaths.Root.TrimEnd('/') + "/", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// Both exports of a shipped regimen validate with no error against the R4 base profiles, and their warnings (what FHIR cannot
    /// carry) are one golden file beside the regimen: the PlanDefinition's, then the CarePlan's for the regimen's test patient.
    /// </summary>
    [Theory]
    [MemberData(nameof(Regimens))]
    public void Every_shipped_regimen_exports_FHIR_that_validates_with_its_warnings_golden(string name)
    {
        var golden = new System.Text.StringBuilder();
        foreach (bool withPatient in new[] { false, true })
        {
            var (code, json, warnings) = Export(name, withPatient);
            Assert.True(code == 0, warnings);
            var (errors, _) = FhirValidator.Validate(json);
            Assert.True(errors.Count == 0, $"{name} (patient: {withPatient}):\n" + string.Join("\n", errors));
            golden.Append($"# regimen export regimens/{name}.regimen --format fhir{(withPatient ? $" --patient regimens/{name}.patient.yaml" : "")}\n");
            golden.Append(warnings.Length == 0 ? "(no warnings)\n" : warnings);
        }
        Golden.Verify(RepoPaths.Combine("regimens", name + ".fhir-warnings.txt"), golden.ToString());
    }

    [Fact]
    public void The_validator_finds_errors_in_broken_FHIR()
    {
        // So that "0 errors" above means something: the same exports, broken in ways the R4 base profiles forbid.
        var (_, plan, _) = Export("13-folfiri", withPatient: false);
        var (errors, _) = FhirValidator.Validate(plan.Replace("\"status\": \"draft\"", "\"status\": \"finished\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("finished", StringComparison.Ordinal));
        var (_, bundle, _) = Export("13-folfiri", withPatient: true);
        (errors, _) = FhirValidator.Validate(bundle.Replace("\"intent\": \"plan\"", "\"intent\": \"wish\"", StringComparison.Ordinal));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void The_export_is_the_same_every_time()
    {
        Assert.Equal(Export("08-hcvad-blina-frontline", true).Json, Export("08-hcvad-blina-frontline", true).Json);
    }

    [Theory]
    [InlineData("16-venetoclax-obinutuzumab", false)]
    [InlineData("14-beam", true)]
    public void The_JSON_of_two_regimens_is_golden(string name, bool withPatient)
    {
        var (code, json, _) = Export(name, withPatient);
        Assert.Equal(0, code);
        Golden.Verify(RepoPaths.Combine("regimens", name + (withPatient ? ".patient" : "") + ".fhir.json"), json);
    }
}

/// <summary>The command's conventions: exit statuses, -o written atomically, errors as path:line:col diagnostics.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regimen-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Minimal = """
        regimen "Test"
        id: test
        source: NCT00000000
        status: draft
        cycle a length 21 days {
          carboplatin AUC 5 IV over 30 min day 1
        }
        plan {
          treatment: a x 2
        }

        """;

    [Fact]
    public void A_regimen_with_errors_is_not_exported_and_exits_1()
    {
        string file = Write("bad.regimen", Minimal.Replace("carboplatin AUC 5 IV over 30 min day 1", "vincristine 2 mg IT day 1", StringComparison.Ordinal));
        var (code, json, error) = CliRunner.Run("export", file, "--format", "fhir");
        Assert.Equal(1, code);
        Assert.Equal("", json);
        Assert.Contains("bad.regimen:6:", error, StringComparison.Ordinal);
        Assert.Contains("error RL3001", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_or_an_unknown_format_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("export", Path.Combine(_folder, "missing.regimen"), "--format", "fhir").Exit);
        Assert.Equal(2, CliRunner.Run("export", Write("ok.regimen", Minimal), "--format", "hl7v2").Exit);
    }

    [Fact]
    public void Output_goes_to_the_file_and_warnings_to_standard_error_with_their_line()
    {
        string file = Write("auc.regimen", Minimal);
        string output = Path.Combine(_folder, "plan.json");
        var (code, printed, error) = CliRunner.Run("export", file, "--format", "fhir", "-o", output);
        Assert.Equal(0, code);
        Assert.Equal("", printed);
        Assert.StartsWith("{\n  \"resourceType\": \"PlanDefinition\"", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("auc.regimen:6:15: warning RL7001: AUC 5 has no FHIR dose", error, StringComparison.Ordinal);
        var (errors, _) = FhirValidator.Validate(File.ReadAllText(output));
        Assert.Empty(errors);
    }

    [Fact]
    public void With_a_patient_each_administration_is_a_MedicationRequest_with_its_computed_dose()
    {
        string file = Write("auc.regimen", Minimal);
        var (code, json, error) = CliRunner.Run("export", file, "--format", "fhir", "--crcl", "100", "--start", "2026-01-05", "--time", "09:30");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("RL7001", error, StringComparison.Ordinal); // computed: AUC 5 x (100 + 25) = 625 mg
        Assert.Equal(2, json.Split("\"resourceType\": \"MedicationRequest\"").Length - 1);
        Assert.Contains("\"value\": 625,", json, StringComparison.Ordinal);
        Assert.Contains("\"2026-01-26\"", json, StringComparison.Ordinal); // cycle 2 day 1
        Assert.Contains("\"09:30:00\"", json, StringComparison.Ordinal);
        var (errors, _) = FhirValidator.Validate(json);
        Assert.Empty(errors);
    }
}
