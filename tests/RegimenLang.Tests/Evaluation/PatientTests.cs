using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using static RegimenLang.Tests.Evaluation.EvaluationTestSupport;

namespace RegimenLang.Tests.Evaluation;

public class PatientTests
{
    private static (PatientDraft? Draft, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        var bag = new DiagnosticBag("p.yaml");
        var draft = PatientFileLoader.Load(yaml, bag);
        return (draft, bag.Items);
    }

    [Fact]
    public void Reads_the_patient_file_of_the_language_guide()
    {
        var (draft, diagnostics) = Load("""
            height: 170 cm
            weight: 72 kg
            age: 54
            sex: female
            crcl: 90
            start: 2026-01-05
            time: 20:00
            inputs:
              cd20: 35%
              ph: false
            prior:
              doxorubicin: 150 mg/m2
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(170m, draft!.Fact(BuiltInFacts.Height)?.Number);
        Assert.Equal(72m, draft.Fact(BuiltInFacts.Weight)?.Number);
        Assert.Equal(54m, draft.Fact(BuiltInFacts.Age)?.Number);
        Assert.Equal("female", draft.Fact(BuiltInFacts.Sex)?.Word);
        Assert.Equal(90m, draft.Fact(BuiltInFacts.Crcl)?.Number);
        Assert.Equal(new DateOnly(2026, 1, 5), draft.Start);
        Assert.Equal(new TimeOnly(20, 0), draft.Time);
        Assert.Equal("35%", draft.Inputs["cd20"].Text);
        Assert.Equal("150 mg/m2", Assert.Single(draft.Prior).Dose.ToString());
    }

    [Theory]
    [InlineData("height: 170 cm\nfoo: 1\n", 2, 1, "'foo' is not a key")]
    [InlineData("height: 170 kg\n", 1, 9, "not kg")]
    [InlineData("height: 20 m\n", 1, 9, "impossible")]
    [InlineData("height: 170\n", 1, 9, "needs a unit")]
    [InlineData("weight: 72 kg\nweight2: 1\n", 2, 1, "not a key")]
    [InlineData("height: 170 cm\nweight: 0 kg\n", 2, 9, "impossible")]
    [InlineData("bsa: 9\n", 1, 6, "impossible")]
    [InlineData("age: 200\n", 1, 6, "impossible")]
    [InlineData("sex: f\n", 1, 6, "female or male")]
    [InlineData("start: 05/01/2026\n", 1, 8, "yyyy-mm-dd")]
    [InlineData("time: 8am\n", 1, 7, "HH:MM")]
    [InlineData("prior:\n  doxorubicin: lots\n", 2, 16, "not a dose")]
    [InlineData("height: [1, 2]\n", 1, 9, "single value")]
    public void Bad_values_are_RL6002_at_their_line_and_column(string yaml, int line, int column, string words)
    {
        var (_, diagnostics) = Load(yaml);
        var d = Assert.Single(diagnostics);
        Assert.Equal("RL6002", d.Code);
        Assert.Equal((line, column), (d.Span.Line, d.Span.Column));
        Assert.Contains(words, d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_are_typed_by_the_regimen_declarations()
    {
        var regimen = Bind(Regimen("  vincristine 2 mg IV day 1 when cd20 >= 20% and ph", extra: "input cd20: percent\ninput ph: flag"));
        var (draft, _) = Load("inputs:\n  cd20: 35\n  ph: maybe\n  other: 1\n");
        var diagnostics = new List<Diagnostic>();
        var patient = PatientBuilder.Build(draft!, new PatientOptions(BsaFormula.Mosteller, null, Start), regimen, diagnostics);
        Assert.Null(patient);
        Assert.Equal(3, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("percentage", StringComparison.Ordinal) && d.Span.Line == 2);
        Assert.Contains(diagnostics, d => d.Message.Contains("true or false", StringComparison.Ordinal) && d.Span.Line == 3);
        Assert.Contains(diagnostics, d => d.Message.Contains("declares no input 'other'", StringComparison.Ordinal) && d.Span.Line == 4);
    }

    [Fact]
    public void Flags_override_the_file_and_bsa_is_computed_capped_and_reported()
    {
        var regimen = Bind(Regimen("  vincristine 2 mg IV day 1"));
        var (file, _) = Load("height: 190 cm\nweight: 100 kg\nstart: 2026-02-01\n");
        var draft = file!.OverriddenBy(PatientDraft.Empty.With(BuiltInFacts.Weight, FactValue.Of(110m)));
        var patient = PatientBuilder.Build(draft, new PatientOptions(BsaFormula.Mosteller, 2.0m, Start), regimen, [])!;
        Assert.Equal(110m, patient.WeightKg);
        Assert.Equal(2.0m, patient.Bsa!.Value);
        Assert.Equal(2.41m, patient.Bsa.Uncapped);       // sqrt(190 x 110 / 3600) = 2.4094
        Assert.Equal(new DateOnly(2026, 2, 1), patient.Start);
        Assert.Equal(new TimeOnly(8, 0), patient.FirstDoseTime);

        var dubois = PatientBuilder.Build(file, new PatientOptions(BsaFormula.DuBois, null, Start), regimen, [])!;
        Assert.Equal(BsaSource.DuBois, dubois.Bsa!.Source);
        Assert.Equal(BodySurfaceArea.DuBois(190, 100), dubois.Bsa.Value);
    }

    [Fact]
    public void Prior_exposure_is_added_to_the_cumulative_totals()
    {
        var regimen = Bind(Regimen("  doxorubicin 50 mg/m2 IV over 24 h day 4"));
        var (draft, _) = Load("bsa: 2\nprior:\n  doxorubicin: 150 mg/m2\n");
        var patient = PatientBuilder.Build(draft!, new PatientOptions(BsaFormula.Mosteller, null, Start), regimen, [])!;
        var total = Evaluator.Evaluate(regimen, patient).Timeline!.PlanTotals.Single();
        Assert.Equal(100m, total.Absolute.Amount);
        Assert.Equal(new Quantity(150m, "mg/m2"), total.Prior);
        Assert.Equal(new Quantity(300m, "mg"), total.PriorAbsolute);
        Assert.Equal(new Quantity(400m, "mg"), total.CumulativeAbsolute);
        Assert.Equal(new Quantity(200m, "mg/m2"), total.CumulativePrescribed);
    }
}
