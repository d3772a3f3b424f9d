using RegimenLang.Output;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Output;

/// <summary>docs/formulary.md is generated from the shipped formulary; regenerate with ACCEPT_GOLDEN=1.</summary>
public sealed class FormularyDocsTests
{
    [Fact]
    public void The_formulary_page_is_generated_from_the_data() =>
        Golden.Verify(RepoPaths.Combine("docs", "formulary.md"), FormularyWriters.Markdown(FormularyLoader.BuiltIn));

    [Fact]
    public void Every_unconfirmed_value_is_marked_on_the_page()
    {
        string page = FormularyWriters.Markdown(FormularyLoader.BuiltIn);
        int unconfirmed = FormularyLoader.BuiltIn.Drugs.Sum(d => FormularyWriters.Values(d).Count(v => v.Unconfirmed))
            + FormularyLoader.BuiltIn.Classes.Sum(c => c.Limits.Count(l => l.Unconfirmed));
        Assert.True(unconfirmed > 0);
        Assert.Equal(unconfirmed, page.Split(FormularyWriters.UnconfirmedMark + ":").Length - 1);
    }

    [Fact]
    public void A_drug_shows_each_value_with_its_source()
    {
        string text = FormularyWriters.DrugText(FormularyLoader.BuiltIn.Find("vincristine")!);
        Assert.Contains("maximum IV: 2 mg per administration", text, StringComparison.Ordinal);
        Assert.Contains("forbidden route IT:", text, StringComparison.Ordinal);
        Assert.Contains("source: ", text, StringComparison.Ordinal);
    }
}
