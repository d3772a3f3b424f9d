using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Semantics;

/// <summary>The shipped formulary covers the shipped regimens, and every number in it says where it comes from.</summary>
public sealed class FormularyCoverageTests
{
    public static TheoryData<string> DrugsOfTheShippedRegimens()
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in RepoPaths.RegimenFiles)
        {
            var document = RegimenParser.Parse(file, File.ReadAllText(file)).Document;
            foreach (var line in document.DescendantsAndSelf().OfType<AdministrationLine>())
            {
                names.Add(FormularyLoader.BuiltIn.Find(line.Drug.Text)?.Name ?? line.Drug.Text);
            }
        }
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void The_shipped_regimens_name_drugs() => Assert.True(DrugsOfTheShippedRegimens().Count >= 10);

    [Theory]
    [MemberData(nameof(DrugsOfTheShippedRegimens))]
    public void Each_drug_of_a_shipped_regimen_has_routes_a_usual_dose_with_a_basis_and_sources(string name)
    {
        var drug = FormularyLoader.BuiltIn.Find(name);
        Assert.True(drug is not null, $"{name} is not in the formulary");
        Assert.NotEmpty(drug.Routes);
        Assert.False(string.IsNullOrWhiteSpace(drug.Source));
        Assert.NotEmpty(drug.UsualDoses);
        Assert.All(drug.UsualDoses, u => Assert.True(Enum.IsDefined(u.Basis)));
        Assert.All(Numbers(drug), n => Assert.False(string.IsNullOrWhiteSpace(n.Source), $"{name}: {n.What} has no source"));
    }

    [Fact]
    public void No_number_of_the_shipped_formulary_lacks_both_a_source_and_the_unconfirmed_mark()
    {
        var bare = FormularyLoader.BuiltIn.Drugs
            .SelectMany(d => Numbers(d).Where(n => string.IsNullOrWhiteSpace(n.Source) && !n.Unconfirmed).Select(n => $"{d.Name}: {n.What}"))
            .Concat(FormularyLoader.BuiltIn.Classes.SelectMany(c => c.Limits)
                .Where(l => string.IsNullOrWhiteSpace(l.Source) && !l.Unconfirmed).Select(l => $"class limit {l.Max}"))
            .ToList();
        Assert.Empty(bare);
    }

    [Fact]
    public void The_shipped_formulary_holds_the_researched_numbers_and_marks_the_unconfirmed_ones()
    {
        var drugs = FormularyLoader.BuiltIn.Drugs;
        Assert.Equal(168, drugs.Length);
        Assert.Equal(147, drugs.Count(d => d.NumberCount > 0));
        Assert.Contains(drugs, d => Numbers(d).Any(n => n.Unconfirmed));
        var anthracycline = FormularyLoader.BuiltIn.FindClass("anthracycline")!;
        Assert.Equal("doxorubicin", anthracycline.Reference);
        Assert.Equal(0.6m, FormularyLoader.BuiltIn.Find("daunorubicin")!.ClassEquivalents.Single().Factor);
    }

    /// <summary>Every number of an entry with its source and mark.</summary>
    internal static IEnumerable<(string What, string Source, bool Unconfirmed)> Numbers(DrugEntry drug)
    {
        foreach (var u in drug.UsualDoses)
        {
            yield return ($"usual {u.Dose}", u.Source, u.Unconfirmed);
        }
        foreach (var l in drug.AllLimits)
        {
            yield return ($"limit {l.Max} per {l.Per}", l.Source, l.Unconfirmed);
        }
        foreach (var i in drug.Intervals)
        {
            yield return ($"interval {i.MinDays} days", i.Source, i.Unconfirmed);
        }
        foreach (var c in drug.Companions.Where(c => c.From is not null || c.To is not null || c.MinDose is not null))
        {
            yield return ($"companion {string.Join("/", c.AnyOf)} timing", c.Source, c.Unconfirmed);
        }
        foreach (var e in drug.ClassEquivalents)
        {
            yield return ($"{e.Class} factor {e.Factor}", e.Source, e.Unconfirmed);
        }
        if (drug.MaxCycles is { } cycles)
        {
            yield return ($"maxCycles {cycles}", drug.MaxCyclesSource ?? "", false);
        }
        if (drug.TreatmentFreeDays is { } free)
        {
            yield return ($"treatmentFreeDays {free}", drug.TreatmentFreeSource ?? "", false);
        }
        if (drug.MinIntervalDays is { } days)
        {
            yield return ($"minIntervalDays {days}", drug.MinIntervalSource ?? "", false);
        }
    }
}
