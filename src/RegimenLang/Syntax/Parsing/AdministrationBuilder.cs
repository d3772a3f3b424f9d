using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Sorts the clauses of a parsed administration line into their places, reporting a clause given
/// twice, a missing day list and numbers out of range. The grammar accepts the clauses in any
/// order, so an author who writes <c>days 1-3 over 3 h</c> is understood; the formatter restores
/// the canonical order.
/// </summary>
internal static class AdministrationBuilder
{
    /// <summary>The longest q&lt;N&gt;h interval accepted with a dose count (one week).</summary>
    private const int MaxIntervalHours = 168;

    public static AdministrationLine? Build(AdministrationParts parts, SourceSpan endOfLine, DiagnosticBag diagnostics)
    {
        InfusionSyntax? infusion = null;
        FrequencySyntax? frequency = null;
        DaysSyntax? days = null;
        var modifiers = new List<ModifierSyntax>();
        bool valid = true;

        foreach (var clause in parts.Clauses)
        {
            switch (clause)
            {
                case InfusionSyntax i:
                    valid &= Once(infusion, i, i is OverInfusion ? "over" : "continuous", diagnostics);
                    infusion ??= i;
                    if (i is OverInfusion over)
                    {
                        valid &= StatementValidator.CheckPositive(over.Duration.Amount, "an infusion duration", diagnostics);
                    }
                    break;
                case FrequencyParts f:
                    valid &= Once(frequency, f, "frequency", diagnostics);
                    var built = BuildFrequency(f, diagnostics);
                    valid &= built is not null;
                    frequency ??= built;
                    break;
                case DaysSyntax d:
                    valid &= Once(days, d, "days", diagnostics);
                    days ??= d;
                    StatementValidator.CheckRanges(d.Ranges, "a day number", diagnostics);
                    break;
                case ModifierSyntax m:
                    var earlier = modifiers.FirstOrDefault(x => x.Keyword == m.Keyword);
                    valid &= Once(earlier, m, m.Keyword, diagnostics);
                    modifiers.Add(m);
                    valid &= CheckModifier(m, diagnostics);
                    break;
            }
        }

        if (parts.Dose is AmountDose amount)
        {
            valid &= StatementValidator.CheckPositive(amount.Amount, "a dose", diagnostics);
        }
        else if (parts.Dose is AucDose auc)
        {
            valid &= StatementValidator.CheckPositive(auc.Target, "an AUC target", diagnostics);
        }

        if (days is null)
        {
            diagnostics.Add(DiagnosticCatalog.MissingDays, parts.Drug.Span, parts.Drug.Text);
            return null;
        }
        return valid
            ? new AdministrationLine(parts.Drug, parts.Dose, parts.Routes, infusion, frequency, days, [.. modifiers], parts.Span)
            : null;
    }

    private static bool Once(SyntaxNode? earlier, SyntaxNode current, string keyword, DiagnosticBag diagnostics)
    {
        if (earlier is null)
        {
            return true;
        }
        diagnostics.Add(DiagnosticCatalog.DuplicateClause, current.Span, keyword);
        return false;
    }

    private static bool CheckModifier(ModifierSyntax modifier, DiagnosticBag diagnostics) => modifier switch
    {
        CapModifier cap => StatementValidator.CheckPositive(cap.Limit.Amount, "a cap", diagnostics),
        RoundModifier round => StatementValidator.CheckPositive(round.Step.Amount, "a rounding step", diagnostics),
        CycleSelector cycles => CheckCycles(cycles, diagnostics),
        _ => true,
    };

    private static bool CheckCycles(CycleSelector cycles, DiagnosticBag diagnostics)
    {
        int before = diagnostics.Items.Count;
        StatementValidator.CheckRanges(cycles.Ranges, "a cycle number", diagnostics);
        return diagnostics.Items.Count == before;
    }

    private static FrequencySyntax? BuildFrequency(FrequencyParts parts, DiagnosticBag diagnostics)
    {
        string word = parts.Word.Text;
        string? hoursText = Grammar.EveryHoursText(word);
        if (hoursText is null)
        {
            if (parts.Count is not null)
            {
                diagnostics.Add(DiagnosticCatalog.UnexpectedToken, parts.Count.Span,
                    $"'x <count>' goes with q<N>h only, as in q12h x 6; '{word}' already says how many doses a day");
                return null;
            }
            var kind = word.ToLowerInvariant() switch
            {
                "once" => FrequencyKind.Once,
                "daily" => FrequencyKind.Daily,
                "bid" => FrequencyKind.Bid,
                "tid" => FrequencyKind.Tid,
                "qid" => FrequencyKind.Qid,
                "qd" => FrequencyKind.Qd,
                _ => FrequencyKind.Qod,
            };
            return new FrequencySyntax(kind, word, 0, null, parts.Span);
        }

        if (hoursText.Length > 4 || !int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out int hours) || hours < 1)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidNumber, parts.Word.Span, $"'{word}' needs an interval of at least 1 hour");
            return null;
        }
        if (parts.Count is null)
        {
            if (24 % hours != 0)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidNumber, parts.Word.Span,
                    $"{word} repeats every day only when {hours} divides 24; write {word} x <count> for a fixed number of doses");
                return null;
            }
        }
        else
        {
            if (hours > MaxIntervalHours)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidNumber, parts.Word.Span, $"{word}: the interval may be at most {MaxIntervalHours} hours");
                return null;
            }
            if (!StatementValidator.CheckCount(parts.Count, "a number of doses", diagnostics))
            {
                return null;
            }
        }
        return new FrequencySyntax(FrequencyKind.EveryHours, word, hours, parts.Count, parts.Span);
    }
}
