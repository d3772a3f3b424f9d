using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Formatting;

/// <summary>
/// What the formatter must keep: the position-free syntax tree (<see cref="AstTreeBuilder"/> without
/// spans, as JSON), taken after the only changes the formatter is allowed to make to the tree are
/// applied: modifiers in canonical order, frequency words and unit masses in canonical case. Two
/// documents with the same key mean the same thing, comments included.
/// </summary>
public static class FormatEquivalence
{
    public static string Key(RegimenDocument document) =>
        JsonTreeWriter.Write(AstTreeBuilder.Build(Canonical(document), includeSpans: false));

    /// <summary>The tree the formatter writes for <paramref name="document"/> (same spans, canonical clause order and case).</summary>
    public static RegimenDocument Canonical(RegimenDocument document) =>
        document with { Statements = [.. document.Statements.Select(Statement)] };

    private static Statement Statement(Statement s) => s switch
    {
        BlockStatement b => b with { Body = [.. b.Body.Select(BodyLine)] },
        CycleStatement c => c with { Body = [.. c.Body.Select(BodyLine)] },
        LimitStatement l => l with { Amount = Amount(l.Amount) },
        _ => s,
    };

    private static BodyLine BodyLine(BodyLine line) => line is AdministrationLine a
        ? a with
        {
            Dose = a.Dose is AmountDose amount ? Amount(amount) : a.Dose,
            Frequency = a.Frequency is null ? null : a.Frequency with { Text = a.Frequency.Text.ToLowerInvariant() },
            Modifiers = [.. ClauseOrder.Sort(a.Modifiers).Select(Modifier)],
        }
        : line;

    private static ModifierSyntax Modifier(ModifierSyntax m) => m switch
    {
        CapModifier c => c with { Limit = Amount(c.Limit) },
        RoundModifier r => r with { Step = Amount(r.Step) },
        _ => m,
    };

    private static AmountDose Amount(AmountDose dose) =>
        dose with { Unit = dose.Unit with { MassText = SyntaxPrinter.CanonicalMassText(dose.Unit.MassText) } };
}
