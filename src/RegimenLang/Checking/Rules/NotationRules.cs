using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>The numbers, dose units and frequencies written in a file, for the notation rules: every line that was read, complete or not.</summary>
internal static class WrittenNotation
{
    /// <summary>Every written amount with a unit: doses, caps, rounding steps and limits.</summary>
    private static IEnumerable<AmountDose> Amounts(RuleContext context)
    {
        foreach (var line in context.WrittenLines.Select(a => a.Line))
        {
            if (line.Dose is AmountDose dose)
            {
                yield return dose;
            }
            if (line.Cap is { } cap)
            {
                yield return cap.Limit;
            }
            if (line.Round is { } round)
            {
                yield return round.Step;
            }
        }
        foreach (var limit in context.Document.Limits)
        {
            yield return limit.Amount;
        }
    }

    public static IEnumerable<NumberLiteral> Numbers(RuleContext context) =>
        Amounts(context).Select(a => a.Amount)
            .Concat(context.WrittenLines.Select(a => a.Line.Dose).OfType<AucDose>().Select(d => d.Target))
            .Concat(context.WrittenLines.Select(a => a.Line.Infusion).OfType<OverInfusion>().Select(o => o.Duration.Amount))
            .OrderBy(n => n.Span.Start);

    public static IEnumerable<DoseUnit> Units(RuleContext context) => Amounts(context).Select(a => a.Unit);
}

/// <summary>RL5001: a trailing zero after a decimal point (2.0 mg).</summary>
public sealed class TrailingZeroRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.TrailingZero];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var number in WrittenNotation.Numbers(context).Where(n => n.Text.Contains('.', StringComparison.Ordinal) && n.Text.EndsWith('0')))
        {
            context.Report(Diagnose.TrailingZero(number.Span, number.Text));
        }
    }
}

/// <summary>RL5002: micrograms written ug or µg.</summary>
public sealed class MicrogramAbbreviationRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MicrogramAbbreviation];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var unit in WrittenNotation.Units(context).Where(u => u.Mass == MassUnit.Microgram && !string.Equals(u.MassText, "mcg", StringComparison.OrdinalIgnoreCase)))
        {
            context.Report(Diagnose.MicrogramAbbreviation(unit.Span, unit.MassText, unit.MassSpan));
        }
    }
}

/// <summary>RL5003: units written U or IU.</summary>
public sealed class UnitAbbreviationRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.UnitAbbreviation];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var unit in WrittenNotation.Units(context).Where(u => u.MassText.ToUpperInvariant() is "U" or "IU"))
        {
            context.Report(Diagnose.UnitAbbreviation(unit.Span, unit.MassText, unit.MassSpan));
        }
    }
}

/// <summary>RL5004: qd and qod. The fix writes daily, or for qod the days themselves (every other listed day).</summary>
public sealed class DangerousFrequencyRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DangerousFrequency];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var line in context.WrittenLines.Select(a => a.Line))
        {
            if (line.Frequency is not { } frequency)
            {
                continue;
            }
            if (frequency.Kind == FrequencyKind.Qd)
            {
                context.Report(Diagnose.DailyAbbreviation(frequency.Span, frequency.Text));
            }
            else if (frequency.Kind == FrequencyKind.Qod)
            {
                context.Report(Diagnose.EveryOtherDayAbbreviation(frequency.Span, frequency.Text, EveryOtherDay(line, frequency)));
            }
        }
    }

    /// <summary>Removes qod and lists every other day of the listed range instead (days 1-7 qod: days 1, 3, 5, 7).</summary>
    private static CodeFix? EveryOtherDay(AdministrationLine line, FrequencySyntax frequency)
    {
        if (line.Days is not { } days || frequency.Count is not null)
        {
            return null;
        }
        var listed = Schedule.ListedDays(days);
        if (listed.IsEmpty || listed.Length > 200)
        {
            return null;
        }
        var every = Enumerable.Range(0, (listed[^1] - listed[0]) / 2 + 1).Select(k => listed[0] + 2 * k).Where(d => listed.Contains(d)).ToList();
        string written = (every.Count == 1 ? "day " : "days ") + string.Join(", ", every);
        var removeWord = frequency.Span with { Length = frequency.Span.Length + 1 }; // the word and the space after it
        return new CodeFix($"write {written}", [new TextEdit(removeWord, ""), new TextEdit(days.Span, written)]);
    }
}

/// <summary>RL5005: a regimen without any <c>source:</c>.</summary>
public sealed class MissingSourceRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MissingSource];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        if (context.Document.Header is { } header && context.Document.MetadataValue("source") is null)
        {
            context.Report(Diagnose.MissingSource(header.Span));
        }
    }
}
