using System.Collections.Immutable;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Lays the plan out on the calendar: phases in order, <c>then</c>, <c>x N</c>, parentheses and
/// <c>rest</c>; each cycle instance starts the day after the previous one ends. The size of the plan
/// is computed arithmetically over the sequence tree first, so an enormous plan is refused (RL2009)
/// before anything is materialised.
/// </summary>
public static class PlanExpander
{
    public const int MaxCycleInstances = 1000;
    public const int MaxDays = 36_525; // 100 years of 365.25 days
    public const int MaxAdministrations = 100_000;

    // Sizes saturate here: far above the bounds, far below decimal's range, so products never overflow.
    private const decimal Saturation = 1_000_000_000_000m;

    /// <summary>The size of a sequence: cycle instances and days.</summary>
    public readonly record struct PlanSize(decimal Cycles, decimal Days);

    /// <summary>The cycle instances (and rests) of the plan, or empty with diagnostics when it cannot be expanded.</summary>
    public static ImmutableArray<CycleInstance> Expand(BoundRegimen regimen, DiagnosticBag diagnostics)
    {
        var plan = regimen.Document.Plan;
        if (plan is null)
        {
            return [];
        }
        int errors = diagnostics.Items.Count;
        var total = new PlanSize(0, 0);
        foreach (var phase in plan.Phases)
        {
            var size = Measure(phase.Sequence, regimen, diagnostics);
            total = new PlanSize(Sat(total.Cycles + size.Cycles), Sat(total.Days + size.Days));
        }
        if (diagnostics.Items.Count > errors)
        {
            return [];
        }
        if (total.Cycles > MaxCycleInstances || total.Days > MaxDays)
        {
            diagnostics.Add(DiagnosticCatalog.PlanTooLarge, plan.Span with { Length = 4 }, Describe(total));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<CycleInstance>((int)total.Cycles);
        int day = 0;
        int planCycle = 0;
        foreach (var phase in plan.Phases)
        {
            int phaseCycle = 0;
            Materialise(phase.Sequence, phase.Name.Text, regimen, result, ref day, ref planCycle, ref phaseCycle);
        }
        var instances = result.ToImmutable();
        long administrations = CountAdministrations(regimen, instances);
        if (administrations > MaxAdministrations)
        {
            diagnostics.Add(DiagnosticCatalog.PlanTooLarge, plan.Span with { Length = 4 }, $"lines that give {administrations:N0} administrations");
            return [];
        }
        return instances;
    }

    /// <summary>
    /// An upper bound of the administrations the plan gives (conditions are assumed true), counted from
    /// days and frequencies without laying anything out, so that a damaged or hostile file cannot make
    /// the evaluator or the checker build millions of entries.
    /// </summary>
    public static long CountAdministrations(BoundRegimen regimen, IReadOnlyList<CycleInstance> instances)
    {
        var perLine = new Dictionary<AdministrationLine, long>(ReferenceEqualityComparer.Instance);
        long total = 0;
        foreach (var given in GivenLines.Of(regimen, instances))
        {
            var line = given.Administration.Line;
            if (!perLine.TryGetValue(line, out long count))
            {
                long days = line.Days.Ranges.Sum(r => r.Last >= r.First ? (long)r.Last - r.First + 1 : 0);
                count = line.IsContinuous ? days
                    : line.Frequency is { Count: { } n } ? (long)Math.Min(n.Value, long.MaxValue / 2)
                    : days * Math.Max(1, line.Frequency?.PerDay ?? 1);
                perLine[line] = count;
            }
            total += count;
            if (total > MaxAdministrations)
            {
                return total;
            }
        }
        return total;
    }

    /// <summary>Cycle instances and days of a sequence, computed without expanding it (saturating, never overflowing).</summary>
    public static PlanSize Measure(SequenceSyntax sequence, BoundRegimen regimen, DiagnosticBag diagnostics)
    {
        switch (sequence)
        {
            case CycleReference reference:
                var cycle = regimen.FindCycle(reference.Name.Text);
                if (cycle is null)
                {
                    return new PlanSize(0, 0); // unknown cycles are reported by the binder
                }
                if (cycle.LengthDays < 1)
                {
                    diagnostics.Add(DiagnosticCatalog.UnusableScheduleNumber, cycle.Syntax.Length.Span,
                        $"cycle '{cycle.Name}' has length {cycle.Syntax.Length.Text}: a length is a whole number of days or weeks, at least 1");
                    return new PlanSize(0, 0);
                }
                return new PlanSize(1, cycle.LengthDays);
            case RestSequence rest:
                if (rest.Days < 1)
                {
                    diagnostics.Add(DiagnosticCatalog.UnusableScheduleNumber, rest.Amount.Span,
                        $"rest {rest.Amount.Text}: a rest is a whole number of days or weeks, at least 1");
                }
                return new PlanSize(0, Math.Max(0, rest.Days));
            case ParenthesizedSequence paren:
                return Measure(paren.Inner, regimen, diagnostics);
            case RepeatSequence repeat:
                var count = repeat.Count;
                if (!count.IsWholeNumber || count.Value < 1)
                {
                    diagnostics.Add(DiagnosticCatalog.UnusableScheduleNumber, count.Span,
                        $"x {count.Text}: a repeat count is a whole number, at least 1");
                    return new PlanSize(0, 0);
                }
                var inner = Measure(repeat.Item, regimen, diagnostics);
                decimal n = Math.Min(count.Value, Saturation);
                return new PlanSize(Mul(inner.Cycles, n), Mul(inner.Days, n));
            case ThenSequence then:
                decimal cycles = 0, days = 0;
                foreach (var item in then.Items)
                {
                    var size = Measure(item, regimen, diagnostics);
                    cycles = Sat(cycles + size.Cycles);
                    days = Sat(days + size.Days);
                }
                return new PlanSize(cycles, days);
            default:
                return new PlanSize(0, 0);
        }
    }

    private static decimal Sat(decimal value) => Math.Min(value, Saturation);

    /// <summary>A saturating product of two non-negative sizes.</summary>
    private static decimal Mul(decimal a, decimal b) => a == 0 || b == 0 ? 0 : b > Saturation / a ? Saturation : Sat(a * b);

    private static string Describe(PlanSize size)
    {
        string cycles = size.Cycles >= Saturation ? "more than a trillion cycle instances" : $"{size.Cycles.ToString("#,0", CultureInfo.InvariantCulture)} cycle instances";
        string days = size.Days >= Saturation ? "more than a trillion days" : $"{size.Days.ToString("#,0", CultureInfo.InvariantCulture)} days";
        return $"{cycles} over {days}";
    }

    // Recursion depth is bounded by the parser's nesting limit (64), and the size by the check above.
    private static void Materialise(SequenceSyntax sequence, string phase, BoundRegimen regimen,
        ImmutableArray<CycleInstance>.Builder result, ref int day, ref int planCycle, ref int phaseCycle)
    {
        switch (sequence)
        {
            case CycleReference reference when regimen.FindCycle(reference.Name.Text) is { } cycle:
                planCycle++;
                phaseCycle++;
                result.Add(new CycleInstance(phase, planCycle, phaseCycle, cycle.Name, cycle.Syntax.Title?.Value, day, cycle.LengthDays, IsRest: false));
                day += cycle.LengthDays;
                break;
            case RestSequence rest:
                result.Add(new CycleInstance(phase, 0, 0, "rest", null, day, rest.Days, IsRest: true));
                day += rest.Days;
                break;
            case ParenthesizedSequence paren:
                Materialise(paren.Inner, phase, regimen, result, ref day, ref planCycle, ref phaseCycle);
                break;
            case RepeatSequence repeat:
                for (int i = 0; i < (int)repeat.Count.Value; i++)
                {
                    Materialise(repeat.Item, phase, regimen, result, ref day, ref planCycle, ref phaseCycle);
                }
                break;
            case ThenSequence then:
                foreach (var item in then.Items)
                {
                    Materialise(item, phase, regimen, result, ref day, ref planCycle, ref phaseCycle);
                }
                break;
        }
    }
}
