using System.Text.Json;
using RegimenLang.Cli;
using RegimenLang.Cli.Commands;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

/// <summary>
/// The faults found by trying the CLI as a new user would, each with the probe that showed it: a run
/// either does what was asked or says why in one line, and never exits 3 on bad input.
/// </summary>
public sealed class FaultProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("probe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Regimen01 => Path.Combine(RepoPaths.Regimens, "01-blinatumomab-rr.regimen");

    private static string Patient01 => File.ReadAllText(Path.Combine(RepoPaths.Regimens, "01-blinatumomab-rr.patient.yaml"));

    [Fact]
    public void Sarif_output_is_written_to_the_file_even_when_the_patient_file_is_broken()
    {
        string patient = Write("bad.yaml", "age: {}\n");
        string sarif = Path.Combine(_dir, "out.sarif");
        var (exit, output, _) = Run("check", Regimen01, "--patient", patient, "--format", "sarif", "-o", sarif);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        using var json = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results");
        var result = Assert.Single(results.EnumerateArray());
        Assert.Equal("RL6002", result.GetProperty("ruleId").GetString());
        string uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.EndsWith("bad.yaml", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_names_the_version_that_version_prints()
    {
        // --version reads the entry assembly, so it is asked of the built CLI in its own process.
        string dll = Path.Combine(AppContext.BaseDirectory, "regimen.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var (_, version) = RegimenLang.Tests.Toolchain.ProcessRunner.Run(_dir, new Dictionary<string, string>(), dotnet, dll, "--version");
        var (_, output, _) = Run("check", Regimen01, "--format", "sarif");
        using var json = JsonDocument.Parse(output);
        string driverVersion = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString()!;
        Assert.Equal(ToolInfo.Version, driverVersion);
        Assert.StartsWith(driverVersion, version.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(true, false, true, false)] // --no-color
    [InlineData(true, true, false, false)] // NO_COLOR
    [InlineData(false, false, false, false)] // not a terminal
    public void Colour_only_on_a_terminal_and_never_when_asked_not_to(bool terminal, bool noColorEnvironment, bool noColorOption, bool coloured)
    {
        string path = Write("a.regimen", Parsing.Regimen("vincristine 2 mg IT day 1"));
        var output = new StringWriter { NewLine = "\n" };
        string[] args = noColorOption ? ["check", path, "--no-color"] : ["check", path];
        int exit = RegimenApp.Run(args, output, new StringWriter(), terminal, noColorEnvironment);
        Assert.Equal(1, exit);
        Assert.Contains("RL3001", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(coloured, output.ToString().Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Writing_into_a_missing_folder_names_the_folder_not_a_temporary_file()
    {
        var (exit, _, error) = Run("check", Regimen01, "-o", Path.Combine(_dir, "nodir", "x.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("the folder", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_path_says_why()
    {
        var (exit, _, error) = Run("check", Path.Combine(_dir, "nope.regimen"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_formulary_is_a_finding_that_says_so()
    {
        var (exit, output, _) = Run("check", Regimen01, "--formulary", _dir);
        Assert.Equal(1, exit);
        Assert.Contains("RL1020", output, StringComparison.Ordinal);
        Assert.Contains("it is a folder, not a file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("e\n")]
    [InlineData("age: {}\n")]
    [InlineData("age: [1, 2]\n")]
    [InlineData("start: 9999-12-31\n")]
    [InlineData("- a\n- b\n")]
    public void A_broken_patient_file_is_a_finding_without_dotnet_internals(string patient)
    {
        string path = Write("p.yaml", patient.StartsWith("start", StringComparison.Ordinal) ? Patient01.Replace("start: 2026-01-05", patient.TrimEnd(), StringComparison.Ordinal) : patient);
        var (exit, output, error) = Run("expand", Regimen01, "--patient", path);
        Assert.Equal(1, exit);
        Assert.Contains("RL6002", output + error, StringComparison.Ordinal);
        foreach (var internals in new[] { "System.", "YamlDotNet", "Exception", "Unable to cast", "not registered" })
        {
            Assert.DoesNotContain(internals, output + error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_start_date_too_late_for_the_calendar_is_a_usage_error()
    {
        var (exit, _, error) = Run("expand", Regimen01, "--patient", Write("p.yaml", Patient01), "--start", "9999-12-31");
        Assert.Equal(2, exit);
        Assert.Contains("--start", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_nots_is_a_nesting_finding_for_every_command_never_an_internal_error()
    {
        string text = Parsing.Regimen("vincristine 2 mg IV day 1 when " + string.Concat(Enumerable.Repeat("not ", 1000)) + "age > 1");
        string path = Write("deep.regimen", text);
        var check = Run("check", path);
        Assert.Equal(1, check.Exit);
        Assert.Contains("RL0008", check.Out, StringComparison.Ordinal);
        Assert.Equal(1, Run("fmt", "--check", path).Exit);
        // The tree is printed (without the refused condition) and the exit status says the file has an error.
        Assert.Equal(1, Run("ast", path).Exit);
        Assert.Equal(1, Run("ast", path, "--format", "yaml").Exit);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void A_long_chain_of_repeats_formats_and_prints()
    {
        string text = Parsing.Header + "cycle A length 21 days {\n  vincristine 2 mg IV day 1\n}\n\nplan {\n  main: A" + string.Concat(Enumerable.Repeat(" x 1", 1000)) + "\n}\n";
        string path = Write("chain.regimen", text);
        var fmt = Run("fmt", "--check", path);
        Assert.NotEqual(3, fmt.Exit);
        Assert.NotEqual(3, Run("ast", path).Exit);
        Assert.NotEqual(3, Run("check", path).Exit);
    }

    [Fact]
    public void Expand_as_yaml_quotes_clock_times_for_yaml_1_1_readers()
    {
        var (exit, output, _) = Run("expand", Regimen01, "--patient", Write("p.yaml", Patient01), "--format", "yaml");
        Assert.Equal(0, exit);
        Assert.Matches("time: \"[0-9]{2}:[0-9]{2}\"", output);
        Assert.DoesNotMatch("time: [0-9]{2}:[0-9]{2}", output);
    }

    [Fact]
    public void Explain_prints_no_raw_placeholders_for_any_code()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var (exit, output, _) = Run("explain", descriptor.Code);
            Assert.Equal(0, exit);
            Assert.DoesNotMatch(@"\{[0-9]+\}", output);
        }
    }

    [Fact]
    public void The_top_level_help_is_short_and_a_command_help_has_the_details()
    {
        var (exit, output, _) = Run("--help");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Examples:", output, StringComparison.Ordinal);
        Assert.True(output.Split('\n').Length < 30, output);
        var (fixExit, fixHelp, _) = Run("fix", "--help");
        Assert.Equal(0, fixExit);
        Assert.Contains("fix <paths>", fixHelp, StringComparison.Ordinal);
        Assert.Contains("Examples:", fixHelp, StringComparison.Ordinal);
        var (unknown, _, error) = Run("nosuch", "--help");
        Assert.Equal(2, unknown);
        Assert.Contains("nosuch", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_check_on_a_crlf_file_says_why_it_would_change()
    {
        string text = File.ReadAllText(Regimen01).Replace("\n", "\r\n", StringComparison.Ordinal);
        string path = Write("crlf.regimen", text);
        var (exit, _, error) = Run("fmt", "--check", path);
        Assert.Equal(1, exit);
        Assert.Contains("CRLF", error, StringComparison.Ordinal);
        Assert.Contains(".gitattributes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmt_that_cannot_write_a_file_says_so_and_does_not_count_it_as_reformatted()
    {
        File.WriteAllText(Path.Combine(_dir, "a.regimen"), Parsing.Regimen("vincristine 2 MG iv day 1"));
        File.Copy(Regimen01, Path.Combine(_dir, "b.regimen")); // canonical: nothing to write
        var error = new StringWriter { NewLine = "\n" };
        var context = new CommandContext(new StringWriter(), error, new UnwritableFileSystem());
        int exit = RegimenApp.Run(["fmt", _dir], context);
        Assert.Equal(2, exit);
        Assert.True(error.ToString().Contains("reformatted 0 of 2 files; 1 could not be written", StringComparison.Ordinal), error.ToString());
        Assert.Contains("a.regimen", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("the disk is full", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("fmt", "--chek")]
    [InlineData("fix", "-x")]
    public void A_misspelt_option_is_a_usage_error_not_a_path(string command, string option)
    {
        var (exit, _, error) = Run(command, Regimen01, option);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown option '{option}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_like_an_option_goes_after_double_dash()
    {
        string path = Write("-odd.regimen", File.ReadAllText(Regimen01));
        var (exit, _, error) = Run("check", "--", Path.GetFileName(path));
        Assert.Equal(2, exit); // not found in the current folder, but read as a path, not an option
        Assert.Contains("cannot read -odd.regimen", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_timeline_shows_patient_numbers_like_amounts_and_a_bsa_cap_with_two_decimals()
    {
        string patient = Write("p.yaml", Patient01.Replace("weight: 72 kg", "weight: 72.50 kg", StringComparison.Ordinal).Replace("height: 170 cm", "height: 170.0 cm", StringComparison.Ordinal));
        var (exit, output, _) = Run("expand", Regimen01, "--patient", patient, "--bsa-cap", "1.755", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var p = json.RootElement.GetProperty("patient");
        Assert.Equal("72.5", p.GetProperty("weight").GetRawText());
        Assert.Equal("170", p.GetProperty("height").GetRawText());
        Assert.Equal("1.76", p.GetProperty("bsa").GetRawText());
        Assert.Equal("1.85", p.GetProperty("bsaUncapped").GetRawText());
    }

    /// <summary>Reads the disk; every write fails as a full disk would.</summary>
    private sealed class UnwritableFileSystem : RegimenLang.Workspace.IFileSystem
    {
        private readonly RegimenLang.Workspace.IFileSystem _disk = RegimenLang.Workspace.PhysicalFileSystem.Instance;

        public RegimenLang.Workspace.FileReading Read(string path, long maxBytes) => _disk.Read(path, maxBytes);

        public bool IsFile(string path) => _disk.IsFile(path);

        public bool IsDirectory(string path) => _disk.IsDirectory(path);

        public IEnumerable<string> FindFiles(string folder, string extension) => _disk.FindFiles(folder, extension);

        public string? WriteAtomically(string path, string text) => "the disk is full";
    }
}
