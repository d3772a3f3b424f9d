using System.Diagnostics;
using RegimenLang.Fuzz;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Fuzz;

/// <summary>
/// Every reproducer the fuzzer found (and the classes of fault found before it was kept in the repository)
/// goes through the fuzzer's whole pipeline again: load, check, every output format, fmt, fix, the patient,
/// formulary and configuration files, expand. None may give a finding. Files that share a name up to the
/// first dot are one case (see <see cref="FuzzFixtures"/>); replay them with <c>RegimenLang.Fuzz --replay</c>.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Fuzz");

    /// <summary>
    /// The fuzzer calls an input slow at 100 ms on a quiet machine; tests run in parallel, in Debug, on busy CI
    /// machines, so here the bound only catches a blow-up (the faults found took seconds to minutes).
    /// </summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private const int WindowsStackBytes = 1024 * 1024;

    public static TheoryData<string> Reproducers()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in FuzzFixtures.Load(Folder))
        {
            data.Add(name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reproducers))]
    public void Reproducer_goes_through_the_whole_pipeline_without_a_finding(string name)
    {
        var input = FuzzFixtures.Load(Folder).Single(c => c.Name == name).Case;
        var clock = Stopwatch.StartNew();
        // On a 1 MiB stack, the default of a Windows thread: deep input must not need more (a stack overflow ends the process).
        FuzzResult? result = null;
        var thread = new Thread(() => result = FuzzPipeline.Run(input), WindowsStackBytes);
        thread.Start();
        thread.Join();
        clock.Stop();
        Assert.NotNull(result);
        Assert.True(result.Findings.Count == 0, string.Join("\n", result.Findings.Select(f => $"{f.Class} at {f.Stage}: {f.Message}\n{f.Detail}")));
        Assert.True(clock.Elapsed < Generous, $"{name} took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_default_case_of_a_lone_patient_or_formulary_file_is_clean()
    {
        // A reproducer kept without its regimen is run with the default regimen and patient: they must give nothing of their own.
        var result = FuzzPipeline.Run(new FuzzCase(InputKind.Regimen, FuzzFixtures.DefaultRegimen, FuzzFixtures.DefaultPatient));
        Assert.Empty(result.Findings);
        var compilation = new RegimenLang.Workspace.RegimenCompilation(new RegimenLang.Text.SourceText("default.regimen", FuzzFixtures.DefaultRegimen), RegimenLang.Workspace.RegimenSetup.BuiltIn);
        Assert.Empty(compilation.Diagnostics);
        Assert.True(result.TimelineEntries > 0, "the default regimen is expanded for the default patient");
    }
}
