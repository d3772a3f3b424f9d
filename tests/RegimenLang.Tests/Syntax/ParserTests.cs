using RegimenLang.Syntax.Nodes;
using static RegimenLang.Tests.Support.Parsing;

namespace RegimenLang.Tests.Syntax;

/// <summary>One test (or a few) per construct of docs/language.md, sections "Lexical rules" to "The plan".</summary>
public sealed class ParserTests
{
    [Fact]
    public void Header_and_metadata()
    {
        var d = ParseClean("""
            regimen "Mini-hyper-CVD + INO"
            id: mini-hcvd-ino
            indication: "Relapsed/refractory Ph-negative B-cell ALL"
            source: NCT01371630
            source: doi:10.1016/S1470-2045(18)30011-1  # parentheses are part of the DOI
            source: https://example.org/protocol?id=7&v=2#section
            status: draft
            """);
        Assert.Equal("Mini-hyper-CVD + INO", d.Header!.Title.Value);
        var metadata = d.Metadata.ToList();
        Assert.Equal(6, metadata.Count);
        Assert.Equal("Relapsed/refractory Ph-negative B-cell ALL", metadata[1].Value);
        Assert.True(metadata[1].Quoted);
        Assert.Equal("doi:10.1016/S1470-2045(18)30011-1", metadata[3].Value);
        Assert.Equal("https://example.org/protocol?id=7&v=2#section", metadata[4].Value);
        Assert.Equal("# parentheses are part of the DOI", Assert.Single(d.Comments).Text);
    }

    [Theory]
    [InlineData("input cd20: percent \"CD20 expression on blasts\"", InputKind.Percent, null, "CD20 expression on blasts")]
    [InlineData("input ph: flag", InputKind.Flag, null, null)]
    [InlineData("input wbc: number", InputKind.Number, null, null)]
    [InlineData("input creat: number mg/dL", InputKind.Number, "mg/dL", null)]
    public void Inputs(string line, InputKind kind, string? unit, string? description)
    {
        var input = ParseClean(line).Inputs.Single();
        Assert.Equal(kind, input.Type.Kind);
        Assert.Equal(unit, input.Type.Unit);
        Assert.Equal(description, input.Description?.Value);
    }

    [Fact]
    public void Blocks_cycles_and_includes()
    {
        var d = ParseClean("""
            block ino {
              inotuzumab 0.6 mg/m2 IV day 2 in cycle 1
            }
            cycle A "Mini-hyper-CVD (course A)" length 4 weeks {
              vincristine 2 mg IV days 1, 8
              include ino
            }
            """);
        var block = d.Blocks.Single();
        Assert.Equal("ino", block.Name!.Text);
        var cycle = d.Cycles.Single();
        Assert.Equal("Mini-hyper-CVD (course A)", cycle.Title!.Value);
        Assert.Equal(LengthUnit.Weeks, cycle.LengthUnit);
        Assert.Equal(28, cycle.LengthInDays);
        Assert.Equal("ino", Assert.IsType<IncludeLine>(cycle.Body[1]).Block.Text);
        Assert.Equal(4, cycle.Span.Line);
        Assert.Equal((5, 3), (cycle.Body[0].Span.Line, cycle.Body[0].Span.Column));
    }

    [Theory]
    [InlineData("2 mg", MassUnit.Milligram, DoseBasis.Flat, DoseRate.None)]
    [InlineData("1 g/m2", MassUnit.Gram, DoseBasis.PerSquareMetre, DoseRate.None)]
    [InlineData("375 mg/m2", MassUnit.Milligram, DoseBasis.PerSquareMetre, DoseRate.None)]
    [InlineData("28 mcg/day", MassUnit.Microgram, DoseBasis.Flat, DoseRate.PerDay)]
    [InlineData("15 mcg/m2/day", MassUnit.Microgram, DoseBasis.PerSquareMetre, DoseRate.PerDay)]
    [InlineData("5 mg/kg", MassUnit.Milligram, DoseBasis.PerKilogram, DoseRate.None)]
    [InlineData("2 mg/h", MassUnit.Milligram, DoseBasis.Flat, DoseRate.PerHour)]
    [InlineData("2500 units/m2", MassUnit.Unit, DoseBasis.PerSquareMetre, DoseRate.None)]
    [InlineData("100 ng", MassUnit.Nanogram, DoseBasis.Flat, DoseRate.None)]
    public void Dose_units(string dose, MassUnit mass, DoseBasis basis, DoseRate rate)
    {
        var line = Line($"drug {dose} IV day 1");
        var amount = Assert.IsType<AmountDose>(line.Dose);
        Assert.Equal(mass, amount.Unit.Mass);
        Assert.Equal(basis, amount.Unit.Basis);
        Assert.Equal(rate, amount.Unit.Rate);
    }

    [Fact]
    public void Numbers_are_exact_decimals_kept_as_written()
    {
        var amount = Assert.IsType<AmountDose>(Line("inotuzumab 0.30 mg/m2 IV day 1").Dose);
        Assert.Equal(0.3m, amount.Amount.Value);
        Assert.Equal("0.30", amount.Amount.Text);
    }

    [Fact]
    public void Auc_dose()
    {
        var auc = Assert.IsType<AucDose>(Line("carboplatin AUC 5 IV over 30 min day 1").Dose);
        Assert.Equal(5m, auc.Target.Value);
    }

    [Fact]
    public void Routes_with_alternatives()
    {
        var line = Line("dexamethasone 20 mg IV or PO daily days 1-4, 11-14");
        Assert.Equal([Route.IV, Route.PO], line.Routes.Select(r => r.Route));
    }

    [Theory]
    [InlineData("IV", Route.IV)]
    [InlineData("PO", Route.PO)]
    [InlineData("SC", Route.SC)]
    [InlineData("IM", Route.IM)]
    [InlineData("IT", Route.IT)]
    [InlineData("CIV", Route.CIV)]
    public void Every_route(string written, Route route) =>
        Assert.Equal(route, Line($"drug 1 mg {written} day 1").Routes.Single().Route);

    [Fact]
    public void Infusion_over_a_duration_and_continuous()
    {
        var over = Assert.IsType<OverInfusion>(Line("cyclophosphamide 150 mg/m2 IV over 3 h q12h x 6 days 1-3").Infusion);
        Assert.Equal(180m, over.Duration.TotalMinutes);
        Assert.Equal(30m, Assert.IsType<OverInfusion>(Line("drug 1 mg IV over 30 min day 1").Infusion).Duration.TotalMinutes);
        var continuous = Line("mesna 600 mg/m2/day IV continuous days 1-3");
        Assert.IsType<ContinuousInfusion>(continuous.Infusion);
        Assert.True(continuous.IsContinuous);
        Assert.True(Line("blinatumomab 28 mcg/day CIV days 1-28").IsContinuous);
    }

    [Theory]
    [InlineData("once", FrequencyKind.Once, 0, null, 1)]
    [InlineData("daily", FrequencyKind.Daily, 0, null, 1)]
    [InlineData("bid", FrequencyKind.Bid, 0, null, 2)]
    [InlineData("tid", FrequencyKind.Tid, 0, null, 3)]
    [InlineData("qid", FrequencyKind.Qid, 0, null, 4)]
    [InlineData("q6h", FrequencyKind.EveryHours, 6, null, 4)]
    [InlineData("q12h x 6", FrequencyKind.EveryHours, 12, 6, 0)]
    [InlineData("q36h x 2", FrequencyKind.EveryHours, 36, 2, 0)]
    [InlineData("qd", FrequencyKind.Qd, 0, null, 1)]
    public void Frequencies(string written, FrequencyKind kind, int hours, int? count, int perDay)
    {
        var f = Line($"drug 1 mg IV {written} days 1-3").Frequency!;
        Assert.Equal(kind, f.Kind);
        Assert.Equal(hours, f.Hours);
        Assert.Equal(count, (int?)f.Count?.Value);
        Assert.Equal(perDay, f.PerDay);
    }

    [Fact]
    public void Omitted_frequency_is_null()
    {
        Assert.Null(Line("vincristine 2 mg IV day 1").Frequency);
    }

    [Fact]
    public void Day_lists_and_ranges()
    {
        var days = Line("dexamethasone 20 mg PO daily days 1-4, 11-14, 21").Days!;
        Assert.Equal([(1, 4), (11, 14), (21, 21)], days.Ranges.Select(r => (r.First, r.Last)));
        Assert.True(days.Plural);
        Assert.False(Line("drug 1 mg IV day 4").Days!.Plural);
    }

    [Fact]
    public void Modifiers_in_any_order()
    {
        var line = Line("vincristine 1.4 mg/m2 IV day 1 note \"max 2 mg\" round to 0.1 mg cap 2 mg in cycles 1-4, 6 when age < 60");
        Assert.Equal(2m, line.Cap!.Limit.Amount.Value);
        Assert.Equal(0.1m, line.Round!.Step.Amount.Value);
        Assert.Equal("max 2 mg", line.Notes.Single().Text.Value);
        Assert.True(line.Cycles!.Includes(6));
        Assert.False(line.Cycles.Includes(5));
        Assert.IsType<ComparisonCondition>(line.When!.Condition);
    }

    [Fact]
    public void From_cycle()
    {
        var selector = Line("drug 1 mg IV day 1 from cycle 3").Cycles!;
        Assert.True(selector.From);
        Assert.False(selector.Includes(2));
        Assert.True(selector.Includes(3));
        Assert.True(selector.Includes(30));
    }

    [Fact]
    public void Clauses_after_the_route_may_come_in_any_order()
    {
        var line = Line("cyclophosphamide 150 mg/m2 IV days 1-3 q12h x 6 over 3 h");
        Assert.NotNull(line.Infusion);
        Assert.Equal(6m, line.Frequency!.Count!.Value);
    }

    [Fact]
    public void Conditions_with_precedence_not_and_or_parentheses()
    {
        var condition = Line("drug 1 mg IV day 1 when not ph and (age >= 60 or weight < 45 kg) or cd20 >= 20%").When!.Condition;
        var or = Assert.IsType<OrCondition>(condition);
        Assert.Equal(2, or.Operands.Length);
        var and = Assert.IsType<AndCondition>(or.Operands[0]);
        Assert.IsType<NotCondition>(and.Operands[0]);
        var paren = Assert.IsType<ParenthesizedCondition>(and.Operands[1]);
        Assert.IsType<OrCondition>(paren.Inner);
        var cd20 = Assert.IsType<ComparisonCondition>(or.Operands[1]);
        Assert.Equal(ComparisonOperator.GreaterOrEqual, cd20.Operator);
        Assert.True(Assert.IsType<QuantityValue>(cd20.Value).IsPercent);
    }

    [Theory]
    [InlineData("weight < 45 kg", "kg")]
    [InlineData("crcl < 60 mL/min", "mL/min")]
    [InlineData("age >= 60", null)]
    [InlineData("height > 150 cm", "cm")]
    public void Condition_quantities_with_units(string condition, string? unit)
    {
        var comparison = Assert.IsType<ComparisonCondition>(Line($"drug 1 mg IV day 1 when {condition}").When!.Condition);
        Assert.Equal(unit, Assert.IsType<QuantityValue>(comparison.Value).Unit);
    }

    [Fact]
    public void Condition_words_and_flags()
    {
        var sex = Assert.IsType<ComparisonCondition>(Line("drug 1 mg IV day 1 when sex = female").When!.Condition);
        Assert.Equal("female", Assert.IsType<WordValue>(sex.Value).Word.Text);
        Assert.IsType<FactCondition>(Line("drug 1 mg IV day 1 when ph in cycle 1").When!.Condition);
    }

    [Fact]
    public void A_long_chain_of_not_is_read_without_recursion_and_refused_past_the_nesting_limit()
    {
        var condition = Line($"drug 1 mg IV day 1 when {string.Concat(Enumerable.Repeat("not ", 60))}ph").When!.Condition;
        Assert.IsType<NotCondition>(condition);

        var result = Parse($"cycle A length 42 days {{\n  drug 1 mg IV day 1 when {string.Concat(Enumerable.Repeat("not ", 2000))}ph\n}}\n");
        Assert.Equal("RL0008", Assert.Single(result.Diagnostics).Code);
        var line = Assert.IsType<AdministrationLine>(Assert.Single(result.Document.Cycles.Single().Body));
        Assert.True(line.HasErrors);
        Assert.Null(line.When); // kept out of the tree, so nothing later walks 2,000 levels
        Assert.Single(line.Routes); // the rest of the line is kept
    }

    [Theory]
    [InlineData("limit inotuzumab 0.9 mg/m2 per cycle", LimitScope.PerCycle)]
    [InlineData("limit doxorubicin 450 mg/m2 lifetime", LimitScope.Lifetime)]
    [InlineData("limit vincristine 2 mg per dose", LimitScope.PerDose)]
    [InlineData("limit blinatumomab 28 mcg per day", LimitScope.PerDay)]
    public void Limits(string line, LimitScope scope) =>
        Assert.Equal(scope, ParseClean(line).Limits.Single().Scope);

    [Fact]
    public void Plan_sequences()
    {
        var plan = ParseClean("""
            plan {
              induction: (A then B) x 2
              consolidation: blin-c1 then blin x 3
              gap: rest 4 weeks
              maintenance: (pomp x 3 then blin) x 4
            }
            """).Plan!;
        Assert.Equal(["induction", "consolidation", "gap", "maintenance"], plan.Phases.Select(p => p.Name.Text));
        var induction = Assert.IsType<RepeatSequence>(plan.Phases.ElementAt(0).Sequence);
        Assert.Equal(2m, induction.Count.Value);
        var inner = Assert.IsType<ThenSequence>(Assert.IsType<ParenthesizedSequence>(induction.Item).Inner);
        Assert.Equal(2, inner.Items.Length);
        var consolidation = Assert.IsType<ThenSequence>(plan.Phases.ElementAt(1).Sequence);
        Assert.IsType<RepeatSequence>(consolidation.Items[1]);
        Assert.Equal(28, Assert.IsType<RestSequence>(plan.Phases.ElementAt(2).Sequence).Days);
    }

    [Fact]
    public void Spans_point_at_line_and_column()
    {
        var d = ParseClean("regimen \"T\"\ncycle A length 21 days {\n  vincristine 2 mg IV day 1 cap 2 mg\n}\n");
        var line = Assert.IsType<AdministrationLine>(d.Cycles.Single().Body.Single());
        Assert.Equal((3, 3), (line.Span.Line, line.Span.Column));
        Assert.Equal("vincristine 2 mg IV day 1 cap 2 mg".Length, line.Span.Length);
        Assert.Equal((3, 15), (line.Dose!.Span.Line, line.Dose.Span.Column));
        Assert.Equal((3, 29), (line.Cap!.Span.Line, line.Cap.Span.Column));
    }

    [Fact]
    public void Comments_are_kept_with_their_positions()
    {
        var d = ParseClean("# top\nregimen \"T\" # trailing\n\n  # indented\n");
        Assert.Equal(["# top", "# trailing", "# indented"], d.Comments.Select(c => c.Text));
        Assert.Equal([true, false, true], d.Comments.Select(c => c.OwnLine));
        Assert.Equal(4, d.Comments[2].Span.Line);
    }

    [Fact]
    public void Crlf_line_endings_parse_like_lf()
    {
        var lf = ParseClean("regimen \"T\"\ncycle A length 21 days {\n  vincristine 2 mg IV day 1\n}\n");
        var crlf = ParseClean("regimen \"T\"\r\ncycle A length 21 days {\r\n  vincristine 2 mg IV day 1\r\n}\r\n");
        Assert.Equal(lf.Cycles.Single().Body.Length, crlf.Cycles.Single().Body.Length);
    }

    [Theory]
    [InlineData("anc > 1000 cells/uL", "cells/uL")]
    [InlineData("weight < 45 kg", "kg")]
    [InlineData("cd20 >= 20%", "%")]
    [InlineData("age > 60", null)]
    public void A_condition_quantity_takes_any_unit_word(string condition, string? unit)
    {
        var line = Line($"dexamethasone 4 mg PO day 1 when {condition} in cycle 1");
        var comparison = Assert.IsType<ComparisonCondition>(line.When!.Condition);
        Assert.Equal(unit, Assert.IsType<QuantityValue>(comparison.Value).Unit);
        Assert.NotNull(line.Cycles); // the unit did not swallow the next clause
    }

    [Fact]
    public void A_number_input_is_compared_in_its_declared_unit()
    {
        string Regimen(string condition) => Header + "input anc: number cells/uL \"ANC\"\ncycle A length 21 days {\n  dexamethasone 4 mg PO day 1 when " + condition + "\n}\nplan {\n  main: A\n}\n";
        Assert.Empty(Check(Regimen("anc > 1000 cells/uL")).Diagnostics);
        var wrong = Assert.Single(Check(Regimen("anc > 1000 kg")).Diagnostics);
        Assert.Equal("RL1017", wrong.Code);
        Assert.Contains("e.g. anc > 1000 cells/uL", wrong.Message, StringComparison.Ordinal);
    }
}
