using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Semantics;

/// <summary>The binder records what every name refers to: definition, references and position queries are lookups.</summary>
public sealed class SemanticModelTests
{
    private const string Text = Parsing.Header + """
        input cd20: percent "CD20"
        block ino {
          inotuzumab 0.3 mg/m2 IV day 8
        }
        cycle A length 28 days {
          rituximab 375 mg/m2 IV day 1 when cd20 >= 20%
          include ino
        }
        cycle B length 28 days {
          include ino
        }
        limit inotuzumab 0.9 mg/m2 per cycle
        plan {
          induction: A then B
          consolidation: A x 2
        }
        """;

    private static SemanticModel Model() => Parsing.Check(Text).Model;

    private static int OffsetOf(string needle, int occurrence = 1)
    {
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = Text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        }
        return at;
    }

    [Fact]
    public void A_cycle_name_in_the_plan_refers_to_its_definition()
    {
        var model = Model();
        var symbol = Assert.IsType<CycleSymbol>(model.SymbolAt(OffsetOf("A then")));
        Assert.Equal("A", symbol.Name);
        Assert.Equal(OffsetOf("A length"), symbol.Declaration!.Span.Start);
        // Definition plus the two uses in the plan.
        Assert.Equal(3, model.References(symbol).Count);
    }

    [Fact]
    public void Blocks_inputs_drugs_and_limits_resolve_to_their_symbols()
    {
        var model = Model();
        var block = Assert.IsType<BlockSymbol>(model.SymbolAt(OffsetOf("ino\n", 2)));
        Assert.Equal(3, model.References(block).Count); // definition and two includes
        var input = Assert.IsType<FactSymbol>(model.SymbolAt(OffsetOf("cd20 >=")));
        Assert.Equal(OffsetOf("cd20:"), input.Declaration!.Span.Start);
        var drug = Assert.IsType<DrugSymbol>(model.SymbolAt(OffsetOf("inotuzumab 0.9")));
        Assert.Equal("inotuzumab", drug.Entry.Name);
        Assert.Equal(2, model.References(drug).Count); // the block's line and the limit
    }

    [Fact]
    public void The_node_at_a_position_is_the_innermost_one()
    {
        var model = Model();
        Assert.IsType<NumberLiteral>(model.FindNodeAt(OffsetOf("375")));
        Assert.IsType<RouteSyntax>(model.FindNodeAt(OffsetOf("IV day 1")));
        Assert.IsType<Comment>(Parsing.Check("# a comment\n" + Text).Model.FindNodeAt(3));
    }

    [Fact]
    public void Cycles_hold_their_lines_with_blocks_spliced_in_and_the_plan_is_bound()
    {
        var model = Model();
        Assert.Equal(["rituximab", "inotuzumab"], model.Cycles["A"].Lines.Select(l => l.DrugName));
        Assert.Equal("ino", model.Cycles["A"].Lines[1].ViaBlock);
        var plan = model.Plan!;
        Assert.True(plan.IsComplete);
        var induction = Assert.IsType<BoundThen>(plan.Phases[0].Sequence);
        Assert.Same(model.Cycles["B"], Assert.IsType<BoundCycleStep>(induction.Items[1]).Cycle);
        Assert.Equal(2, Assert.IsType<BoundRepeat>(plan.Phases[1].Sequence).Count);
    }

    [Fact]
    public void A_plan_that_names_an_unknown_cycle_is_not_complete_and_is_not_laid_out()
    {
        var model = Parsing.Check(Parsing.Header + "cycle A length 21 days {\n  vincristine 2 mg IV day 1\n}\nplan {\n  main: A then nosuch x 100000 x 100000 x 100000\n}\n").Model;
        Assert.False(model.Plan!.IsComplete);
        Assert.IsType<RegimenLang.Evaluation.IncompletePlan>(RegimenLang.Evaluation.PlanLayout.Of(model, _ => true, longest: true).Refusal);
    }

    [Fact]
    public void The_built_in_facts_come_from_one_table()
    {
        var model = Model();
        Assert.Equal(RegimenLang.Semantics.Facts.BuiltInFacts.Names.Order(), model.Facts.Values.Where(f => f.Fact.IsBuiltIn).Select(f => f.Name).Order());
        Assert.Contains(model.Facts.Values, f => f.Name == "cd20" && !f.Fact.IsBuiltIn);
    }
}
