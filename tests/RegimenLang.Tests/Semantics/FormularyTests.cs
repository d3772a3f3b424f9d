using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Tests.Semantics;

public sealed class FormularyTests
{
    [Fact]
    public void The_built_in_formulary_loads_without_problems() =>
        Assert.Empty(FormularyLoader.LoadBuiltInYaml().Diagnostics);

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
        var forbidden = Assert.Single(vincristine.ForbiddenRoutes, f => f.Route == Route.IT);
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

public sealed class FormularySchemaTests
{
    private const string Full = """
        classes:
          - name: anthracycline
            reference: doxo
            members: "doxo (1), dauno (0.6)"
            limits:
              - per: lifetime
                max: 550 mg/m2
                source: "label"
              - per: lifetime
                max: 400 mg/m2
                when: "prior chest irradiation"
                source: "label"
        drugs:
          - name: doxo
            class: anthracycline
            routes: [IV]
            source: "label"
            classEquivalents:
              - class: anthracycline
                factor: 1
                source: "by definition"
          - name: dauno
            class: anthracycline
            routes: [IV, PO]
            source: "label"
            forbiddenRoutes:
              - route: IT
                reason: "necrosis"
                source: "label"
                unconfirmed: true
            usual:
              - dose: 45 mg/m2
                route: IV
                low: 30 mg/m2
                high: 60 mg/m2
                context: "induction"
                source: "trial"
              - dose: AUC 5
                source: "calculator"
                unconfirmed: true
            limits:
              - per: administration
                max: 5 mg
                route: PO
                source: "label"
              - per: day
                max: 90 mg/m2
                when: "age < 60"
                source: "trial"
              - per: cycle
                max: 200 mg/m2
                source: "memory"
                unconfirmed: true
            intervals:
              - minDays: 3
                reason: "not more often"
                source: "label"
              - minDays: 7
                route: PO
                minDose: 2 mg
                source: "label"
            companions:
              - anyOf: [doxo]
                timing: before-start
                from: 30 min
                to: 1 days
                companionDose: "doxo 1 mg"
                optional: true
                reason: "example"
                source: "label"
            classEquivalents:
              - class: anthracycline
                factor: 0.6
                source: "Feijen 2019"
            interactions:
              - anyOf: [doxo]
                effect: "reduce"
                note: "a note"
                source: "label"
            maxCycles: 4
            maxCyclesSource: "label"
            treatmentFreeDays: 14
            treatmentFreeSource: "label"
            cytotoxic: true
            separations:
              - from: cytotoxic
                before: 14 days
                after: 24 h
                reason: "myeloid cells"
                source: "label"
        """;

    [Fact]
    public void Every_field_of_the_extended_schema_is_kept()
    {
        var bag = new DiagnosticBag("local.yaml");
        var file = FormularyLoader.LoadFile("local.yaml", Full, bag);
        Assert.Empty(bag.Items);
        var formulary = new DrugFormulary(file.Drugs, file.Classes);
        var anthracycline = Assert.Single(formulary.Classes);
        Assert.Equal("doxo", anthracycline.Reference);
        Assert.Equal("prior chest irradiation", anthracycline.Limits[1].When);
        var dauno = formulary.Find("dauno")!;
        Assert.True(Assert.Single(dauno.ForbiddenRoutes).Unconfirmed);
        Assert.Equal(2, dauno.UsualDoses.Length);
        Assert.Equal(FormularyBasis.PerSquareMetre, dauno.UsualDoses[0].Basis);
        Assert.Equal("30 mg/m2", dauno.UsualDoses[0].Low!.ToString());
        Assert.Equal("60 mg/m2", dauno.UsualDoses[0].High!.ToString());
        Assert.Equal("induction", dauno.UsualDoses[0].Context);
        Assert.Equal(FormularyBasis.Auc, dauno.UsualDoses[1].Basis);
        Assert.True(dauno.UsualDoses[1].Unconfirmed);
        Assert.Equal(3, dauno.AllLimits.Length);
        Assert.Equal("age < 60", dauno.AllLimits[1].When);
        Assert.True(dauno.AllLimits[2].Unconfirmed);
        Assert.Equal(2, dauno.Intervals.Length);
        Assert.Equal(Route.PO, dauno.Intervals[1].Route);
        Assert.Equal("2 mg", dauno.Intervals[1].MinDose!.ToString());
        var companion = Assert.Single(dauno.Companions);
        Assert.Equal(CompanionTiming.BeforeStart, companion.Timing);
        Assert.Equal(TimeSpan.FromMinutes(30), companion.From);
        Assert.Equal(TimeSpan.FromDays(1), companion.To);
        Assert.True(companion.Optional);
        Assert.Equal("doxo 1 mg", companion.CompanionDose);
        Assert.Equal(0.6m, Assert.Single(dauno.ClassEquivalents).Factor);
        Assert.Equal("reduce", Assert.Single(dauno.Interactions).Effect);
        Assert.Equal(4, dauno.MaxCycles);
        Assert.Equal(14, dauno.TreatmentFreeDays);
        Assert.True(dauno.Cytotoxic);
        Assert.False(formulary.Find("doxo")!.Cytotoxic);
        var separation = Assert.Single(dauno.Separations);
        Assert.Equal(SeparationTarget.Cytotoxic, separation.From);
        Assert.Equal(TimeSpan.FromDays(14), separation.Before);
        Assert.Equal(TimeSpan.FromHours(24), separation.After);
        Assert.Equal("14 days", separation.BeforeText);
    }

    [Fact]
    public void The_original_view_holds_only_what_always_applies_and_was_confirmed()
    {
        var bag = new DiagnosticBag("local.yaml");
        var dauno = FormularyLoader.Load("local.yaml", Full, bag).Single(d => d.Name == "dauno");
        // No 'when' and not unconfirmed: a flat cap of one route of a drug with other routes is in it, with its route.
        var cap = Assert.Single(dauno.Limits);
        Assert.Equal(Route.PO, cap.Route);
        var usual = Assert.Single(dauno.Usual);
        Assert.Equal("45 mg/m2", usual.Dose.ToString());
        // The interval for every route and dose.
        Assert.Equal(3, dauno.MinIntervalDays);
        Assert.Equal("label", dauno.MinIntervalSource);
    }

    [Fact]
    public void Usual_doses_of_one_route_more_than_ten_times_apart_are_not_given_to_the_unit_slip_rule()
    {
        var cytarabine = FormularyLoader.BuiltIn.Find("cytarabine")!;
        Assert.DoesNotContain(cytarabine.Usual, u => u.Route == Route.IV && u.Dose.Unit.Basis == DoseBasis.PerSquareMetre);
        Assert.Contains(cytarabine.UsualDoses, u => u.Route == Route.IV && u.Dose.ToString() == "3 g/m2");
    }

    [Theory]
    [InlineData("timing: before-start", "timing: during", "'timing' is before-start, after-start or with, not 'during'")]
    [InlineData("from: 30 min", "from: 30 weeks", "'30 weeks' is not a duration")]
    [InlineData("optional: true", "optional: maybe", "'optional' is true or false, not 'maybe'")]
    [InlineData("factor: 0.6", "factor: lots", "the factor for class 'anthracycline' is a number above 0")]
    [InlineData("maxCycles: 4", "maxCycles: 0", "'maxCycles' is a whole number of cycles from 1 to 1000, not '0'")]
    [InlineData("minDays: 3", "minDays: three", "'minDays' is a whole number of days from 1 to 3650, not 'three'")]
    [InlineData("low: 30 mg/m2", "low: 30 mg", "the usual low '30 mg' is not measured like the usual dose '45 mg/m2'")]
    [InlineData("high: 60 mg/m2", "high: 60 furlongs", "'60 furlongs' is not a dose")]
    [InlineData("anyOf: [doxo]\n        timing", "anyOf: [nodrug]\n        timing", "'nodrug' in 'companions' is not a drug of the formulary")]
    [InlineData("  - class: anthracycline\n        factor: 0.6", "  - class: nonclass\n        factor: 0.6", "'nonclass' is not a class of the formulary")]
    [InlineData("when: \"age < 60\"", "when: \"age < 60\"\n        unconfirmed: perhaps", "'unconfirmed' is true or false, not 'perhaps'")]
    [InlineData("from: cytotoxic", "from: antibodies", "a separation is 'from: cytotoxic', not 'antibodies'")]
    [InlineData("before: 14 days\n        after: 24 h\n        reason: \"myeloid cells\"", "reason: \"myeloid cells\"", "a separation needs 'before' or 'after' (or both)")]
    [InlineData("cytotoxic: true", "cytotoxic: yes please", "'cytotoxic' is true or false, not 'yes please'")]
    public void Invalid_values_of_the_extended_schema_are_RL1020_at_their_line(string valid, string invalid, string message)
    {
        Assert.Contains(valid, Full, StringComparison.Ordinal);
        string text = Full.Replace(valid, invalid, StringComparison.Ordinal);
        int line = text[..text.IndexOf(invalid, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        var bag = new DiagnosticBag("local.yaml");
        FormularyLoader.LoadFile("local.yaml", text, bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL1020", d.Code);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.InRange(d.Span.Line, line - 2, line + invalid.Count(c => c == '\n'));
    }

    [Fact]
    public void Unknown_keys_of_the_new_lists_name_their_known_keys()
    {
        var bag = new DiagnosticBag("local.yaml");
        FormularyLoader.Load("local.yaml", Full.Replace("companionDose:", "companionDoze:", StringComparison.Ordinal), bag);
        var d = Assert.Single(bag.Items);
        Assert.Equal("RL1020", d.Code);
        Assert.Contains("'companionDoze' is not a key", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_of_the_readme_loads_and_keeps_every_field()
    {
        string readme = File.ReadAllText(RegimenLang.Tests.Support.RepoPaths.Combine("README.md"));
        int section = readme.IndexOf("### The formulary", StringComparison.Ordinal);
        int start = readme.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var bag = new DiagnosticBag("x");
        var formulary = FormularyLoader.LoadWithOverrides([("readme.yaml", yaml)], bag);
        Assert.Empty(bag.Items);
        var drug = formulary.Find("Cerubidine")!;
        Assert.Equal("FDA prescribing information", drug.Source);
        Assert.True(drug.AllLimits.Single().Unconfirmed);
        Assert.Single(drug.Companions);
        Assert.Equal(4, drug.MaxCycles);
    }

    [Fact]
    public void A_local_file_may_refer_to_drugs_and_classes_of_the_built_in_formulary()
    {
        var bag = new DiagnosticBag("x");
        var formulary = FormularyLoader.LoadWithOverrides([("local.yaml", """
            drugs:
              - name: localrubicin
                class: anthracycline
                routes: [IV]
                source: "local"
                classEquivalents:
                  - class: anthracycline
                    factor: 2
                    source: "local"
                companions:
                  - anyOf: [dexamethasone]
                    timing: with
                    reason: "local"
                    source: "local"
            """)], bag);
        Assert.Empty(bag.Items);
        Assert.NotNull(formulary.FindClass("anthracycline"));
        Assert.Equal(2m, formulary.Find("localrubicin")!.ClassEquivalents[0].Factor);
    }
}
