using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

/// <summary>Choice inputs: <c>input pet2: choice negative | positive</c>, conditions on them, the patient's value and the checker's scenarios.</summary>
public sealed class ChoiceInputTests
{
    private static readonly string Adapted = Regimen("""
          doxorubicin 25 mg/m2 IV days 1, 15
          bleomycin 10 units/m2 IV days 1, 15 when pet2 = positive
        """, plan: "main: A x 6", length: 28,
        extra: "source: NCT00678327\ninput pet2: choice negative | positive \"Interim PET after cycle 2\"");

    [Fact]
    public void A_choice_input_parses_formats_and_round_trips()
    {
        string text = "regimen \"x\"\nINPUT pet2 :  CHOICE negative|positive   \"Interim PET\"\n";
        var parse = RegimenParser.Parse("t.regimen", text);
        Assert.Empty(parse.Diagnostics);
        var input = Assert.Single(parse.Document.Inputs);
        Assert.Equal(InputKind.Choice, input.Type.Kind);
        Assert.Equal(["negative", "positive"], input.Type.Choices.Select(c => c.Text));
        var formatted = RegimenFormatter.Format("t.regimen", text);
        Assert.Contains("input pet2: choice negative | positive \"Interim PET\"\n", formatted.Text, StringComparison.Ordinal);
        Assert.Equal(formatted.Text, RegimenFormatter.Format("t.regimen", formatted.Text!).Text);
        Assert.True(SyntaxEquivalence.Equivalent(parse.Document, RegimenParser.Parse("t.regimen", formatted.Text!).Document));
    }

    [Theory]
    [InlineData("input pet2: choice", "expected a value of the choice, such as negative, found the end of the line")]
    [InlineData("input pet2: choice negative |", "expected a value of the choice, such as negative, found the end of the line")]
    [InlineData("input pet2: choice negative positive", "expected")]
    public void A_broken_choice_line_is_one_finding_and_hides_no_other_line(string line, string words)
    {
        var parse = RegimenParser.Parse("t.regimen", Regimen("  doxorubicin 25 mg/m2 IV day 1", extra: line));
        var finding = Assert.Single(parse.Diagnostics);
        Assert.Contains(words, finding.Message, StringComparison.Ordinal);
        Assert.Single(parse.Document.Statements.OfType<CycleStatement>());
        Assert.Single(parse.Document.Statements.OfType<PlanStatement>());
    }

    [Fact]
    public void A_condition_on_a_value_outside_the_choice_is_RL1017()
    {
        var compilation = new RegimenCompilation(new SourceText("t.regimen", Adapted.Replace("pet2 = positive", "pet2 = postive", StringComparison.Ordinal)), RegimenSetup.BuiltIn);
        var finding = Assert.Single(compilation.Diagnostics, d => d.Code == "RL1017");
        Assert.Contains("postive", finding.Message, StringComparison.Ordinal);
        Assert.Contains("negative", finding.Message, StringComparison.Ordinal);
    }

    private static (Patient? Patient, List<Diagnostic> Problems) Build(string value)
    {
        var draft = (PatientDraft.Empty with
        {
            Inputs = PatientDraft.Empty.Inputs.Add("pet2", new RawInput("pet2", value, new ValueOrigin("p.yaml", 4, 9))),
        }).With(BuiltInFacts.Bsa, FactValue.Of(2m));
        var problems = new List<Diagnostic>();
        return (PatientBuilder.Build(draft, new PatientOptions(BsaFormula.Mosteller, null, Start), Bind(Adapted), problems), problems);
    }

    [Theory]
    [InlineData("positive", 2)]
    [InlineData("Positive", 2)]
    [InlineData("negative", 0)]
    public void The_patient_s_value_chooses_the_lines(string value, int bleomycinPerCycle)
    {
        var (patient, problems) = Build(value);
        Assert.Empty(problems);
        Assert.Equal(value.ToLowerInvariant(), patient!.Inputs["pet2"].Value.Word);
        var (timeline, diagnostics) = Expand(Adapted, patient);
        Assert.Empty(diagnostics);
        Assert.Equal(6 * bleomycinPerCycle, timeline!.Entries.Count(e => e.Drug == "bleomycin"));
    }

    [Fact]
    public void A_patient_value_outside_the_choice_is_RL6002_at_its_line()
    {
        var (patient, problems) = Build("equivocal");
        Assert.Null(patient);
        var d = Assert.Single(problems);
        Assert.Equal(("RL6002", "p.yaml", 4, 9), (d.Code, d.File, d.Span.Line, d.Span.Column));
        Assert.Equal("input 'pet2' is negative or positive, not 'equivocal'", d.Message);
    }

    [Fact]
    public void Without_a_patient_the_checker_checks_each_value_and_names_it()
    {
        // The regimen's own lifetime limit of bleomycin is passed only when the PET is positive: 6 x 2 x 10 = 120 units/m2 > 100.
        string source = Adapted.Replace("source: NCT00678327", "source: NCT00678327\nlimit bleomycin 100 units/m2 lifetime", StringComparison.Ordinal);
        var compilation = new RegimenCompilation(new SourceText("t.regimen", source), RegimenSetup.BuiltIn);
        var finding = Assert.Single(compilation.Diagnostics, d => d.Code == "RL3005");
        Assert.Contains("(when pet2 = positive)", finding.Message, StringComparison.Ordinal);
    }
}
