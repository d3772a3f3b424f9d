using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Parses an <c>order "text"</c> line: the clauses in any order, each at most once, then their numbers checked as on an
/// administration line (days, clock times, offsets). That an order has days or a timing, and no <c>at</c> with a timing, is the
/// checker's (RL2040). A line that does not parse is reported, and the caller keeps it as an error line.
/// </summary>
internal static class OrderParser
{
    public static OrderLine? Parse(ReadOnlySpan<Token> tokens, SourceSpan endOfLine, LineDiagnostics diagnostics)
    {
        var result = Grammar.OrderLine.Parse(tokens);
        if (!result.Success)
        {
            diagnostics.Parse(SyntaxErrors.Describe(result.Error!, tokens, endOfLine, Grammar.OrderClauseLabel));
            return null;
        }
        var (keyword, text, clauses) = result.Value;
        int before = diagnostics.Count;
        DaysSyntax? days = null;
        var modifiers = new List<ModifierSyntax>();
        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case DaysSyntax d:
                    if (days is not null)
                    {
                        diagnostics.Validation(Diagnose.DuplicateClause(d.Span, "days"));
                    }
                    days ??= d;
                    diagnostics.Validation(StatementValidator.Days(d.Ranges));
                    break;
                case ModifierSyntax m:
                    if (modifiers.Any(x => x.GetType() == m.GetType()))
                    {
                        diagnostics.Validation(Diagnose.DuplicateClause(m.Span, m is OrderTiming ? "before/after" : m.Keyword));
                        break;
                    }
                    modifiers.Add(m);
                    Check(m, diagnostics);
                    break;
            }
        }
        var last = clauses.Count > 0 ? clauses[^1].Span : text.Span;
        return new OrderLine(text, days, [.. modifiers], diagnostics.Count > before, keyword.Span.Through(last));
    }

    private static void Check(ModifierSyntax modifier, LineDiagnostics diagnostics)
    {
        switch (modifier)
        {
            case CycleSelector cycles:
                diagnostics.Validation(StatementValidator.Ranges(cycles.Ranges, NumberRole.CycleNumber));
                break;
            case AtModifier at:
                diagnostics.Validation(StatementValidator.ClockTimes(at));
                break;
            case OrderTiming timing:
                foreach (var offset in timing.Offsets)
                {
                    diagnostics.Validation(StatementValidator.Offset(offset, timing.Anchor.Text));
                }
                break;
        }
    }
}
