using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Checking;

public sealed class ConfigurationTests() : TempFolder("config-")
{
    private static readonly string Uncapped = Parsing.Regimen("vincristine 1.4 mg/m2 IV day 1");

    [Fact]
    public void Without_configuration_the_default_severity_applies()
    {
        var (exit, output, _) = Run("check", Write("a.regimen", Uncapped));
        Assert.Equal(0, exit);
        Assert.Contains("warning RL3007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nearest_regimen_yaml_above_the_file_sets_severities()
    {
        Write("regimen.yaml", "rules:\n  RL3007: error\n");
        string file = Write("protocols/leukemia/a.regimen", Uncapped);
        var (exit, output, _) = Run("check", file);
        Assert.Equal(1, exit);
        Assert.Contains("error RL3007", output, StringComparison.Ordinal);

        Write("protocols/regimen.yaml", "rules:\n  RL3007: off\n");
        (exit, output, _) = Run("check", file);
        Assert.Equal(0, exit);
        Assert.Equal("", output);
    }

    [Fact]
    public void The_fatal_route_error_cannot_be_lowered()
    {
        string config = Write("regimen.yaml", "rules:\n  RL3001: off\n");
        var (config1, problems) = ConfigLoader.Load(config, File.ReadAllText(config), File.Exists);
        var problem = Assert.Single(problems);
        Assert.Equal("RL5007", problem.Code);
        Assert.Equal((2, 3), (problem.Span.Line, problem.Span.Column));
        Assert.False(config1.Severities.ContainsKey("RL3001"));
    }

    [Fact]
    public void Unknown_keys_codes_and_severities_are_errors_at_their_position()
    {
        var (_, problems) = ConfigLoader.Load("regimen.yaml", "rules:\n  RL9999: off\n  RL5001: silent\n", File.Exists);
        Assert.Equal(["RL5007", "RL5007"], problems.Select(p => p.Code));
        Assert.Equal([2, 3], problems.Select(p => p.Span.Line));
        var (_, unknown) = ConfigLoader.Load("regimen.yaml", "rulez:\n  RL5001: off\n", File.Exists);
        Assert.Equal(1, Assert.Single(unknown).Span.Line);
        Assert.Contains("'rulez' is not a key", unknown[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_configuration_stops_the_check_with_exit_1()
    {
        Write("regimen.yaml", "rules:\n  RL5001: loud\n");
        var (exit, output, _) = Run("check", Write("a.regimen", Uncapped));
        Assert.Equal(1, exit);
        Assert.Contains("regimen.yaml:2:3: error RL5007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Formulary_files_named_by_the_configuration_are_loaded()
    {
        Write("local.yaml", "drugs:\n  - name: localmab\n    class: test\n    routes: [IV]\n    source: \"local policy\"\n");
        Write("regimen.yaml", "formulary:\n  - local.yaml\n");
        var (exit, output, error) = Run("check", Write("sub/a.regimen", Parsing.Regimen("localmab 10 mg IV day 1")));
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public void Inline_suppression_silences_the_next_line_and_requires_a_reason()
    {
        string file = Write("a.regimen", Parsing.Regimen(
            "# regimen-disable-next-line RL3007 -- local policy caps in the pharmacy system",
            "vincristine 1.4 mg/m2 IV day 1",
            "# regimen-disable-next-line RL3007",
            "vincristine 1.4 mg/m2 IV day 8"));
        var (exit, output, _) = Run("check", file);
        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        var warning = Assert.Single(lines);
        Assert.Contains(":6:3: warning RL5006", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_names_map_to_severities()
    {
        var (config, problems) = ConfigLoader.Load("regimen.yaml", "rules:\n  RL5001: info\n  RL5002: error\n  RL2005: warning\n  RL5005: off\n", File.Exists);
        Assert.Empty(problems);
        Assert.Equal(Severity.Info, config.Severities["RL5001"]);
        Assert.Equal(Severity.Error, config.Severities["RL5002"]);
        Assert.Null(config.Severities["RL5005"]);
    }

    [Fact]
    public void Expand_uses_the_same_configuration_and_formulary_as_check()
    {
        Write("local.yaml", "drugs:\n  - name: localmab\n    class: test\n    routes: [IV]\n    source: \"local policy\"\n");
        Write("regimen.yaml", "formulary:\n  - local.yaml\nrules:\n  RL3007: error\n");
        string local = Write("a.regimen", Parsing.Regimen("localmab 10 mg IV day 1"));
        var (exit, output, error) = Run("expand", local, "--height", "170", "--weight", "72", "--start", "2026-01-05");
        Assert.True(exit == 0, error);
        Assert.Contains("localmab", output, StringComparison.Ordinal);

        // RL3007 is raised to an error by the configuration, so expand refuses, as check does.
        string uncapped = Write("b.regimen", Uncapped);
        var (refused, _, message) = Run("expand", uncapped, "--height", "170", "--weight", "72", "--start", "2026-01-05");
        Assert.Equal(1, refused);
        Assert.Contains("error RL3007", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_patient_is_a_path_relative_to_the_configuration_and_must_exist()
    {
        string patient = Write("patients/reference.patient.yaml", "height: 170 cm\nweight: 72 kg\n");
        string config = Write("regimen.yaml", "patient: patients/reference.patient.yaml\n");
        var (loaded, problems) = ConfigLoader.Load(config, File.ReadAllText(config), File.Exists);
        Assert.Empty(problems);
        Assert.Equal(patient, loaded.PatientFile);

        var (missing, notFound) = ConfigLoader.Load(config, "rules:\n  RL5001: off\npatient: patients/nobody.yaml\n", File.Exists);
        var problem = Assert.Single(notFound);
        Assert.Equal("RL5007", problem.Code);
        Assert.Equal((3, 10), (problem.Span.Line, problem.Span.Column));
        Assert.Equal("the patient file 'patients/nobody.yaml' does not exist (paths are relative to regimen.yaml)", problem.Message);
        Assert.Null(missing.PatientFile);

        var (_, empty) = ConfigLoader.Load(config, "patient: \"\"\n", File.Exists);
        Assert.Contains("is not a file path", Assert.Single(empty).Message, StringComparison.Ordinal);
        var (_, misspelt) = ConfigLoader.Load(config, "patients: reference.patient.yaml\n", File.Exists);
        Assert.Contains("'patients' is not a key", Assert.Single(misspelt).Message, StringComparison.Ordinal);
        Assert.Contains("patient", misspelt[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_reference_patient_stops_the_check_like_any_configuration_error()
    {
        Write("regimen.yaml", "patient: reference.patient.yaml\n");
        var (exit, output, _) = Run("check", Write("a.regimen", Uncapped));
        Assert.Equal(1, exit);
        Assert.Contains("regimen.yaml:1:10: error RL5007: the patient file 'reference.patient.yaml' does not exist", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  RL5001: off\n  RL3007: error\n!!]str formular}y:\n  - local.yaml\n")] // a tag YamlDotNet rejects with ArgumentException
    [InlineData("formulary:\n  - \n")] // an empty path
    [InlineData("formulary:\n  - \"a\\u0000b\"\n")] // a path with a NUL character
    public void Malformed_configurations_are_diagnostics_never_exceptions(string yaml)
    {
        var (_, problems) = ConfigLoader.Load(Path.Combine(Folder, "regimen.yaml"), yaml, File.Exists);
        var problem = Assert.Single(problems);
        Assert.Equal("RL5007", problem.Code);
        Assert.True(problem.Span.Line >= 1 && problem.Span.Column >= 1);
    }
}
