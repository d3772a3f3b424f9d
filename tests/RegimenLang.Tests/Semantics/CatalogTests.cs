using RegimenLang.Diagnostics;

namespace RegimenLang.Tests.Semantics;

public sealed class CatalogTests
{
    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(@"^RL\d{4}$", c));
    }

    [Fact]
    public void Every_entry_is_documented_with_an_example_and_a_fix()
    {
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Documentation), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Example), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Fix), d.Code);
            Assert.NotEqual(d.Example, d.Fix);
        });
    }

    [Fact]
    public void Every_message_form_has_named_holes_only_and_no_bare_placeholder()
    {
        Assert.All(DiagnosticCatalog.All.SelectMany(d => d.Messages.Select(m => (d.Code, Message: m))), x =>
        {
            var holes = MessageTemplate.Holes(x.Message).ToList();
            Assert.All(holes, h => Assert.Matches("^[a-z][A-Za-z]*$", h));
            // The wording lives in the catalogue: no form is only a hole.
            Assert.NotEqual("{" + string.Join("}{", holes) + "}", x.Message);
        });
    }

    [Fact]
    public void Every_descriptor_has_its_family_as_a_field_and_explain_shows_no_raw_placeholder()
    {
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.True(Enum.IsDefined(d.Family));
            string explained = RegimenLang.Output.DiagnosticWriters.Explain(d);
            Assert.DoesNotContain("{0}", explained, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\{[a-z][A-Za-z]*\}", explained.Split("\n\n")[0]);
        });
        Assert.Equal(DiagnosticFamily.Configuration, DiagnosticCatalog.InvalidConfiguration.Family);
    }
}
