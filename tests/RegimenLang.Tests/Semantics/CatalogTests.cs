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
    public void Message_templates_format_without_throwing()
    {
        object?[] args = ["a", "b", "c", "d", "e", "f", "g", "h"];
        Assert.All(DiagnosticCatalog.All, d => Assert.False(string.IsNullOrEmpty(d.FormatMessage(args))));
    }
}
