using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>The numbers and dose units written in a file, for the notation rules.</summary>
internal static class WrittenNotation
{
    /// <summary>Every written amount with a unit: doses, caps, rounding steps and limits.</summary>
    private static IEnumerable<AmountDose> Amounts(RuleContext context)
    {
        foreach (var line in context.Lines.Select(a => a.Line))
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
            .Concat(context.Lines.Select(a => a.Line.Dose).OfType<AucDose>().Select(d => d.Target))
            .Concat(context.Lines.Select(a => a.Line.Infusion).OfType<OverInfusion>().Select(o => o.Duration.Amount))
            .OrderBy(n => n.Span.Start);

    public static IEnumerable<DoseUnit> Units(RuleContext context) => Amounts(context).Select(a => a.Unit);
}

/// <summary>RL5001: a trailing zero after a decimal point (2.0 mg).</summary>
public sealed class TrailingZeroRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.TrailingZero];

    public void Check(RuleContext context)
    {
        foreach (var number in WrittenNotation.Numbers(context).Where(n => n.Text.Contains('.', StringComparison.Ordinal) && n.Text.EndsWith('0')))
        {
            string fixedText = number.Text.TrimEnd('0').TrimEnd('.');
            context.Report(DiagnosticCatalog.TrailingZero, number.Span, fixedText, number.Text);
        }
    }
}

/// <summary>RL5002: micrograms written ug or µg.</summary>
public sealed class MicrogramAbbreviationRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MicrogramAbbreviation];

    public void Check(RuleContext context)
    {
        foreach (var unit in WrittenNotation.Units(context).Where(u => u.Mass == MassUnit.Microgram && !string.Equals(u.MassText, "mcg", StringComparison.OrdinalIgnoreCase)))
        {
            context.Report(DiagnosticCatalog.MicrogramAbbreviation, unit.Span, unit.MassText);
        }
    }
}

/// <summary>RL5003: units written U or IU.</summary>
public sealed class UnitAbbreviationRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.UnitAbbreviation];

    public void Check(RuleContext context)
    {
        foreach (var unit in WrittenNotation.Units(context).Where(u => u.MassText.ToUpperInvariant() is "U" or "IU"))
        {
            context.Report(DiagnosticCatalog.UnitAbbreviation, unit.Span, unit.MassText);
        }
    }
}

/// <summary>RL5004: the frequencies qd and qod.</summary>
public sealed class DangerousFrequencyRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.DangerousFrequency];

    public void Check(RuleContext context)
    {
        foreach (var frequency in context.Lines.Select(a => a.Line.Frequency).OfType<FrequencySyntax>())
        {
            if (frequency.Kind == FrequencyKind.Qd)
            {
                context.Report(DiagnosticCatalog.DangerousFrequency, frequency.Span, "daily", frequency.Text, "qd is mistaken for qid (four times a day) and qod");
            }
            else if (frequency.Kind == FrequencyKind.Qod)
            {
                context.Report(DiagnosticCatalog.DangerousFrequency, frequency.Span, "the days (days 1, 3, 5)", frequency.Text, "qod is mistaken for qd and qid");
            }
        }
    }
}

/// <summary>RL5005: a regimen without any <c>source:</c>.</summary>
public sealed class MissingSourceRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.MissingSource];

    public void Check(RuleContext context)
    {
        if (context.Document.Header is { } header && context.Document.MetadataValue("source") is null)
        {
            context.Report(DiagnosticCatalog.MissingSource, header.Span);
        }
    }
}
