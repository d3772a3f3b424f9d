using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Tests.Semantics;

public sealed class FormularyTests
{
    [Fact]
    public void The_built_in_formulary_loads_without_problems() =>
        Assert.Empty(FormularyLoader.BuiltInDiagnostics);

    [Fact]
    public void It_knows_at_least_one_hundred_drugs_including_every_drug_of_the_clinical_facts()
    {
        var formulary = FormularyLoader.BuiltIn;
        Assert.True(formulary.Drugs.Length >= 100, $"{formulary.Drugs.Length} drugs");
        string[] clinical =
        [
            "blinatumomab", "inotuzumab", "cyclophosphamide", "vincristine", "dexamethasone", "rituximab", "methotrexate",
            "cytarabine", "mesna", "doxorubicin", "methylprednisolone", "leucovorin", "dasatinib", "ponatinib",
            "mercaptopurine", "prednisone", "pegaspargase", "carboplatin",
        ];
        Assert.All(clinical, name => Assert.NotNull(formulary.Find(name)));
    }

    [Theory]
    [InlineData("6-MP", "mercaptopurine")]
    [InlineData("VCR", "vincristine")]
    [InlineData("ara-C", "cytarabine")]
    [InlineData("MTX", "methotrexate")]
    [InlineData("5-FU", "fluorouracil")]
    [InlineData("Blincyto", "blinatumomab")]
    [InlineData("ONCOVIN", "vincristine")]
    public void Aliases_resolve_to_the_generic_name_ignoring_case(string alias, string name) =>
        Assert.Equal(name, FormularyLoader.BuiltIn.Find(alias)?.Name);

    [Fact]
    public void Vincristine_is_iv_only_with_intrathecal_forbidden_and_a_sourced_2_mg_limit()
    {
        var vincristine = FormularyLoader.BuiltIn.Find("vincristine")!;
        var forbidden = Assert.Single(vincristine.ForbiddenRoutes);
        Assert.Equal(Route.IT, forbidden.Route);
        Assert.Contains("fatal", forbidden.Reason, StringComparison.OrdinalIgnoreCase);
        var limit = Assert.Single(vincristine.Limits, l => l.Per == LimitPer.Administration);
        Assert.Equal(2m, limit.Max.Amount.Value);
        Assert.False(string.IsNullOrWhiteSpace(limit.Source));
    }

    [Fact]
    public void Unknown_keys_are_errors_at_their_line_and_column()
    {
        var bag = new DiagnosticBag("local.yaml");
        FormularyLoader.Load("local.yaml", "drugs:\n  - name: foo\n    aliases: [bar]\n    dose: 2 mg\n", bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL1020", d.Code);
        Assert.Equal(4, d.Span.Line);
        Assert.Contains("'dose' is not a key", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_units_missing_sources_and_bad_routes_point_at_their_yaml_position()
    {
        var bag = new DiagnosticBag("local.yaml");
        FormularyLoader.Load("local.yaml", """
            drugs:
              - name: foo
                class: test
                routes: [IV, XX]
                source: "test"
                limits:
                  - per: administration
                    max: 2 furlongs
                    source: "x"
                  - per: cycle
                    max: 3 mg
            """, bag);
        var found = bag.Items.Select(d => (d.Span.Line, d.Message)).ToList();
        Assert.Contains(found, f => f.Line == 4 && f.Message.Contains("'XX' is not a route", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Line == 8 && f.Message.Contains("'2 furlongs' is not a dose", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Line == 10 && f.Message.Contains("no 'source'", StringComparison.Ordinal));
    }

    [Fact]
    public void Later_files_override_earlier_entries()
    {
        var bag = new DiagnosticBag("x");
        var formulary = FormularyLoader.LoadWithOverrides(
            [("local.yaml", "drugs:\n  - name: vincristine\n    class: local\n    routes: [IV]\n    source: \"local policy\"\n")], bag);
        Assert.Empty(bag.Items);
        Assert.Equal("local", formulary.Find("vincristine")!.Class);
        Assert.Equal("local", formulary.Find("VINCRISTINE")!.Class);
    }

    [Fact]
    public void Malformed_yaml_is_a_diagnostic_with_a_position()
    {
        var bag = new DiagnosticBag("bad.yaml");
        FormularyLoader.Load("bad.yaml", "drugs:\n  - name: [unclosed\n", bag);
        var d = Assert.Single(bag.Items);
        Assert.True(d.Span.Line >= 2);
    }

    [Fact]
    public void An_empty_item_in_a_list_of_an_entry_is_a_diagnostic_at_the_item()
    {
        // A bare '-' under limits (and aliases, forbiddenRoutes, usual) once threw NullReferenceException (found by fuzzing).
        var bag = new DiagnosticBag("empty.yaml");
        var drugs = FormularyLoader.Load("empty.yaml",
            "drugs:\n  - name: vincristine\n    aliases: [VCR, ~]\n    class: vinca alkaloid\n    routes: [IV]\n    source: \"label\"\n" +
            "    forbiddenRoutes:\n      -\n    limits:\n      -\n    usual:\n      -\n", bag);
        Assert.Empty(drugs);
        Assert.Equal(["RL1020"], bag.Items.Select(d => d.Code).Distinct());
        Assert.Equal(
            ["3: item 2 of 'aliases' is empty", "8: item 1 of 'forbiddenRoutes' is empty", "10: item 1 of 'limits' is empty", "12: item 1 of 'usual' is empty"],
            bag.Items.Select(d => $"{d.Span.Line}: {d.Message}"));
    }

    [Fact]
    public void Yaml_that_breaks_the_yaml_library_is_still_a_diagnostic()
    {
        // An unclosed flow list that runs into the next keys makes YamlDotNet's scanner throw
        // InvalidOperationException rather than a YamlException (found by fuzzing).
        var bag = new DiagnosticBag("cut.yaml");
        FormularyLoader.Load("cut.yaml", "drugs:\n  - name: vincristine\n    aliases: [VCR, Oncovi   class: vinca alkaloid\n    routes: [IV]\n    sourabel\"\n", bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL1020", d.Code);
        Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1);
    }
}
