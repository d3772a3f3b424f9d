using System.Collections.Immutable;
using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Parses an administration line. The whole line is tried first (nearly every line parses). When it
/// fails, its error is reported and the line is read again clause by clause: each part that parses is
/// kept and each that does not is skipped to the next clause keyword, so the line stays in the tree
/// with its drug, dose and routes when those are readable, and checks that need only them (a forbidden
/// route) still run. The clauses, which the grammar accepts in any order, are then sorted into their
/// places and their numbers checked.
/// </summary>
internal static class AdministrationParser
{
    /// <summary>The longest q&lt;N&gt;h interval accepted with a dose count (one week).</summary>
    private const int MaxIntervalHours = 168;

    /// <summary>The longest infusion: 100 days, beyond any real one (a 28-day bag is the longest in use), so every date stays exact.</summary>
    private const int MaxInfusionMinutes = 100 * 24 * 60;

    private static readonly Parser<Token, (DoseSyntax Value, int End)> Dose = Measured(Grammar.Dose);
    private static readonly Parser<Token, (ImmutableArray<RouteSyntax> Value, int End)> Routes = Measured(Grammar.Routes);

    private static Parser<Token, (T Value, int End)> Measured<T>(Parser<Token, T> parser) =>
        Parser.Map((value, end) => (value, end), parser, Parser<Token>.CurrentOffset);

    /// <summary>The line, or null when it does not start with a drug name (the caller keeps it as an error line).</summary>
    public static AdministrationLine? Parse(ReadOnlySpan<Token> tokens, SourceSpan endOfLine, LineDiagnostics diagnostics)
    {
        if (tokens[0].Kind != TokenKind.Word)
        {
            diagnostics.Parse(Diagnose.Expected(tokens[0].Span, ["a drug name"], tokens[0].ToString()));
            return null;
        }
        var whole = Grammar.AdministrationLine.Parse(tokens);
        if (whole.Success)
        {
            var parts = whole.Value;
            return Build(parts.Drug, parts.Dose, parts.Routes, parts.Clauses, SkippedTokens.Empty, diagnostics, parts.Span);
        }
        diagnostics.Parse(SyntaxErrors.Describe(whole.Error!, tokens, endOfLine, Grammar.ClauseLabel));
        return Salvage(tokens, diagnostics);
    }

    /// <summary>Reads the parts of a line that failed as a whole: every clause that parses on its own is kept.</summary>
    private static AdministrationLine Salvage(ReadOnlySpan<Token> tokens, LineDiagnostics diagnostics)
    {
        var drug = new Identifier(tokens[0].Text, tokens[0].Span);
        var skipped = new List<Token>();
        DoseSyntax? dose = null;
        ImmutableArray<RouteSyntax> routes = [];
        var clauses = new List<SyntaxNode>();
        int i = 1;

        if (i < tokens.Length && Grammar.ClauseAt(tokens, i) is null)
        {
            var result = Dose.Parse(tokens[i..]);
            if (result.Success)
            {
                dose = result.Value.Value;
                i += result.Value.End;
            }
            else
            {
                i = SkipTo(tokens, i, skipped, (t, at) => IsRoute(t[at]) || Grammar.ClauseAt(t, at) is not null);
            }
        }
        if (i < tokens.Length && IsRoute(tokens[i]))
        {
            var result = Routes.Parse(tokens[i..]);
            if (result.Success)
            {
                routes = result.Value.Value;
                i += result.Value.End;
            }
            else
            {
                i = SkipTo(tokens, i, skipped, (t, at) => Grammar.ClauseAt(t, at) is not null);
            }
        }
        while (i < tokens.Length)
        {
            var clause = Grammar.ClauseAt(tokens, i);
            if (clause is null)
            {
                i = SkipTo(tokens, i, skipped, (t, at) => Grammar.ClauseAt(t, at) is not null);
                continue;
            }
            var result = Measured(clause).Parse(tokens[i..]);
            if (result.Success)
            {
                clauses.Add(result.Value.Value);
                i += result.Value.End;
            }
            else
            {
                i = SkipTo(tokens, i, skipped, (t, at) => Grammar.ClauseAt(t, at) is not null);
            }
        }
        var skippedTokens = skipped.Count == 0
            ? SkippedTokens.Empty
            : new SkippedTokens([.. skipped], skipped[0].Span.Through(skipped[^1].Span));
        var span = tokens[0].Span.Through(tokens[^1].Span);
        var line = Build(drug, dose, routes, clauses, skippedTokens, diagnostics, span);
        return line with { HasErrors = true };
    }

    /// <summary>Skips at least one token, then up to the first that <paramref name="stop"/> accepts; returns the new index.</summary>
    private delegate bool StopAt(ReadOnlySpan<Token> tokens, int i);

    private static int SkipTo(ReadOnlySpan<Token> tokens, int i, List<Token> skipped, StopAt stop)
    {
        do
        {
            skipped.Add(tokens[i]);
            i++;
        }
        while (i < tokens.Length && !stop(tokens, i));
        return i;
    }

    private static bool IsRoute(Token t) => Grammar.Route.Parse([t]).Success;

    private static AdministrationLine Build(Identifier drug, DoseSyntax? dose, ImmutableArray<RouteSyntax> routes, IReadOnlyList<SyntaxNode> clauses,
        SkippedTokens skipped, LineDiagnostics diagnostics, SourceSpan span)
    {
        InfusionSyntax? infusion = null;
        FrequencySyntax? frequency = null;
        DaysSyntax? days = null;
        var modifiers = new List<ModifierSyntax>();
        int before = diagnostics.Count;

        foreach (var clause in clauses)
        {
            switch (clause)
            {
                case InfusionSyntax i:
                    Once(infusion, i, i is OverInfusion ? "over" : "continuous", diagnostics);
                    infusion ??= i;
                    if (i is OverInfusion over)
                    {
                        diagnostics.Validation(StatementValidator.Positive(over.Duration.Amount, NumberRole.InfusionDuration));
                        if (over.Duration.Amount.Value > 0 && over.Duration.TotalMinutes > MaxInfusionMinutes)
                        {
                            diagnostics.Validation(Diagnose.InfusionTooLong(over.Duration.Span, $"{over.Duration.Amount.Text} {over.Duration.UnitText}"));
                        }
                    }
                    break;
                case FrequencySyntax f:
                    Once(frequency, f, "frequency", diagnostics);
                    CheckFrequency(f, diagnostics);
                    frequency ??= f;
                    break;
                case DaysSyntax d:
                    Once(days, d, "days", diagnostics);
                    days ??= d;
                    diagnostics.Validation(StatementValidator.Days(d.Ranges));
                    break;
                case ModifierSyntax m:
                    // A line is timed from one other line: 'before' and 'after' are one clause.
                    var earlier = modifiers.FirstOrDefault(x => x.Keyword == m.Keyword || (x is TimingModifier && m is TimingModifier));
                    Once(earlier, m, m is TimingModifier ? "before/after" : m.Keyword, diagnostics);
                    if (earlier is null)
                    {
                        modifiers.Add(m);
                    }
                    CheckModifier(m, diagnostics);
                    break;
            }
        }

        diagnostics.Validation(dose switch
        {
            AmountDose amount => StatementValidator.Positive(amount.Amount, NumberRole.Dose),
            AucDose auc => StatementValidator.Positive(auc.Target, NumberRole.AucTarget),
            _ => null,
        });
        if (dose is RampDose ramp)
        {
            foreach (var step in ramp.Steps)
            {
                diagnostics.Validation(StatementValidator.Positive(step.Amount, NumberRole.Dose));
            }
            diagnostics.Validation(StatementValidator.Count(ramp.Each, NumberRole.RampStep) ?? (ramp.Each.Value > RampDose.MaxStepLength
                ? Diagnose.NumberOutOfRange(ramp.Each.Span, NumberRole.RampStep, ramp.Each.Text, 1, RampDose.MaxStepLength)
                : null));
        }
        bool daysOptional = frequency?.SpansDays == true || dose is RampDose || modifiers.Any(m => m is TimingModifier or AsNeededModifier);
        if (days is null && skipped.IsEmpty && !daysOptional)
        {
            diagnostics.Validation(Diagnose.MissingDays(drug.Span, drug.Text));
        }
        bool hasErrors = diagnostics.Count > before;
        return new AdministrationLine(drug, dose, routes, infusion, frequency, days, [.. modifiers], skipped, hasErrors, span);
    }

    private static void Once(SyntaxNode? earlier, SyntaxNode current, string keyword, LineDiagnostics diagnostics)
    {
        if (earlier is not null)
        {
            diagnostics.Validation(Diagnose.DuplicateClause(current.Span, keyword));
        }
    }

    private static void CheckModifier(ModifierSyntax modifier, LineDiagnostics diagnostics)
    {
        switch (modifier)
        {
            case CapModifier cap:
                diagnostics.Validation(StatementValidator.Positive(cap.Limit.Amount, NumberRole.Cap));
                break;
            case RoundModifier round:
                diagnostics.Validation(StatementValidator.Positive(round.Step.Amount, NumberRole.RoundingStep));
                break;
            case CycleSelector cycles:
                diagnostics.Validation(StatementValidator.Ranges(cycles.Ranges, NumberRole.CycleNumber));
                break;
            case AsNeededModifier { MaxPerDay: { } max }:
                diagnostics.Validation(StatementValidator.Count(max, NumberRole.DoseCount) ?? (max.Value > 24
                    ? Diagnose.NumberOutOfRange(max.Span, NumberRole.DoseCount, max.Text, 1, 24)
                    : null));
                break;
            case UntilModifier until:
                foreach (var days in new[] { until.ExpectDays, until.AtMostDays })
                {
                    if (days is not null)
                    {
                        diagnostics.Validation(StatementValidator.Count(days, NumberRole.CourseBound));
                    }
                }
                if (until.Then is { } then)
                {
                    diagnostics.Validation(StatementValidator.Positive(then.Amount, NumberRole.Dose));
                }
                break;
            case AtModifier at:
                diagnostics.Validation(StatementValidator.ClockTimes(at));
                break;
            case TimingModifier { Offset: { } offset } timing:
                diagnostics.Validation(StatementValidator.Offset(offset, timing.Anchor.Text));
                break;
        }
    }

    private static void CheckFrequency(FrequencySyntax f, LineDiagnostics diagnostics)
    {
        if (f.Interval is { } interval)
        {
            diagnostics.Validation(StatementValidator.Count(interval, NumberRole.DoseInterval));
        }
        if (f.Kind is FrequencyKind.Weekly or FrequencyKind.EveryDays)
        {
            if (f.Count is not null)
            {
                diagnostics.Validation(StatementValidator.Count(f.Count, NumberRole.DoseCount));
            }
            return;
        }
        if (f.Kind != FrequencyKind.EveryHours)
        {
            if (f.Count is not null)
            {
                diagnostics.Validation(Diagnose.CountWithoutInterval(f.Count.Span, f.Text));
            }
            return;
        }
        var word = f.Span with { Length = f.Text.Length };
        if (f.Hours < 1)
        {
            diagnostics.Validation(Diagnose.IntervalTooShort(word, f.Text));
        }
        else if (f.Count is null)
        {
            if (24 % f.Hours != 0)
            {
                diagnostics.Validation(Diagnose.IntervalMustDivideDay(word, f.Text, f.Hours));
            }
        }
        else if (f.Hours > MaxIntervalHours)
        {
            diagnostics.Validation(Diagnose.IntervalTooLong(word, f.Text, MaxIntervalHours));
        }
        else
        {
            diagnostics.Validation(StatementValidator.Count(f.Count, NumberRole.DoseCount));
        }
    }
}
