using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// The maximum-dose rules share one procedure and differ in what they add up: one administration,
/// one treatment day, one cycle instance, or the whole plan (plus prior exposure). Doses are added in
/// time order and a finding is placed on the line whose dose crosses the maximum. Without a patient,
/// doses are compared with limits in the same unit (mg/m2 with mg/m2); with a patient, computed
/// absolute doses are compared as well. Each limit is reported once (per line for single doses).
/// </summary>
public abstract class DoseLimitRule(LimitPer per, DiagnosticDescriptor descriptor) : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [descriptor];

    /// <summary>The key that groups the events whose doses add up (an event alone, a plan day, a cycle instance, the plan).</summary>
    protected abstract object GroupKey(DoseEvent e);

    /// <summary>Where the total stands, for the message (e.g. "on plan day 8 (day 8 of cycle 'A')").</summary>
    protected abstract string Where(DoseEvent e);

    public void Check(RuleContext context)
    {
        var reported = new HashSet<(EffectiveLimit, object?)>();
        foreach (var scenario in context.Scenarios)
        {
            foreach (var (drug, events) in context.EventsByDrug(scenario))
            {
                foreach (var limit in EffectiveLimit.For(context, drug, per))
                {
                    // Events are in time order, so the doses of one group (a day, a cycle) are consecutive.
                    var group = new List<DoseEvent>();
                    object? key = null;
                    foreach (var e in events)
                    {
                        if (!DoseArithmetic.Applies(limit, e))
                        {
                            continue;
                        }
                        object next = GroupKey(e);
                        if (group.Count > 0 && !Equals(next, key))
                        {
                            CheckGroup(context, scenario, limit, group, reported);
                            group.Clear();
                        }
                        key = next;
                        group.Add(e);
                    }
                    if (group.Count > 0)
                    {
                        CheckGroup(context, scenario, limit, group, reported);
                    }
                }
            }
        }
    }

    private void CheckGroup(RuleContext context, Scenario scenario, EffectiveLimit limit, List<DoseEvent> group, HashSet<(EffectiveLimit, object?)> reported)
    {
        // Single-dose limits are reported per line; the others once per limit.
        object? dedupe = per == LimitPer.Administration ? group[0].Line : null;
        if (reported.Contains((limit, dedupe)) || !Exceeds(scenario, limit, group, out var crossing, out string total))
        {
            return;
        }
        reported.Add((limit, dedupe));
        // Name the patients concerned only when a conditional line contributes.
        string when = group.Any(e => e.Line.When is not null) ? scenario.When : "";
        context.Report(descriptor, crossing!.Line.Dose.Span, [limit.Related],
            $"{limit.Drug}: {total} {Where(crossing)}{when} is over {Maximum(limit)} ({limit.Origin})");
    }

    private string Maximum(EffectiveLimit limit)
    {
        string max = $"{limit.Max.Amount.Text} {limit.Unit}";
        return per switch
        {
            LimitPer.Administration => $"the maximum of {max} per administration",
            LimitPer.Day => $"the maximum of {max} per day",
            LimitPer.Cycle => $"the maximum of {max} per cycle",
            _ => $"the lifetime maximum of {max}",
        };
    }

    private bool Exceeds(Scenario scenario, EffectiveLimit limit, List<DoseEvent> events, out DoseEvent? crossing, out string total)
    {
        var unit = limit.Unit;
        decimal max = limit.Max.Amount.Value;
        decimal? absoluteMax = scenario.IsRealPatient ? DoseArithmetic.AbsoluteLimit(limit, scenario.Patient) : null;
        var (priorSymbolic, priorAbsolute) = per == LimitPer.Lifetime ? Prior(scenario.Patient, limit) : (0m, 0m);

        decimal symbolic = priorSymbolic, absolute = priorAbsolute;
        bool anySymbolic = priorSymbolic > 0;
        DoseEvent? symbolicCrossing = null, absoluteCrossing = null;
        foreach (var e in events)
        {
            if (DoseArithmetic.PrescribedIn(e, unit) is { } s)
            {
                symbolic += s;
                anySymbolic = true;
                if (symbolic > max)
                {
                    symbolicCrossing ??= e;
                }
            }
            if (absoluteMax is not null && DoseArithmetic.AbsoluteIn(e, unit) is { } a)
            {
                absolute += a;
                if (absolute > absoluteMax)
                {
                    absoluteCrossing ??= e;
                }
            }
        }
        string prior = per == LimitPer.Lifetime && (priorSymbolic > 0 || priorAbsolute > 0) ? " including prior exposure" : "";
        if (anySymbolic && symbolicCrossing is not null)
        {
            crossing = symbolicCrossing;
            total = DoseArithmetic.Format(symbolic, unit) + prior;
            return true;
        }
        if (absoluteCrossing is not null)
        {
            crossing = absoluteCrossing;
            total = $"{DoseArithmetic.Format(absolute, unit.Mass)}{prior} (the limit is {DoseArithmetic.Format(absoluteMax!.Value, unit.Mass)} for this patient)";
            return true;
        }
        crossing = null;
        total = "";
        return false;
    }

    /// <summary>Prior exposure of the drug (from the patient file) in the limit's unit and in absolute terms.</summary>
    private static (decimal Symbolic, decimal Absolute) Prior(Patient patient, EffectiveLimit limit)
    {
        decimal symbolic = 0, absolute = 0;
        foreach (var prior in patient.Prior.Where(p => string.Equals(p.Drug, limit.Drug, StringComparison.OrdinalIgnoreCase)))
        {
            var unit = prior.Dose.Unit;
            if (!Units.Compatible(unit.Mass, limit.Unit.Mass))
            {
                continue;
            }
            decimal amount = Units.Convert(prior.Dose.Amount.Value, unit.Mass, limit.Unit.Mass);
            if (unit.Basis == limit.Unit.Basis)
            {
                symbolic += amount;
            }
            absolute += unit.Basis switch
            {
                DoseBasis.PerSquareMetre when patient.Bsa is { } bsa => amount * bsa.Value,
                DoseBasis.PerKilogram when patient.WeightKg is { } kg => amount * kg,
                DoseBasis.Flat => amount,
                _ => 0,
            };
        }
        return (symbolic, absolute);
    }
}

/// <summary>RL3002: one administration over the maximum per administration.</summary>
public sealed class PerAdministrationLimitRule() : DoseLimitRule(LimitPer.Administration, DiagnosticCatalog.OverMaxPerAdministration)
{
    protected override object GroupKey(DoseEvent e) => e;

    protected override string Where(DoseEvent e) => $"in one administration (day {e.CycleDay} of cycle '{e.Instance.CycleName}')";
}

/// <summary>RL3003: the doses of one treatment day over the maximum per day.</summary>
public sealed class PerDayLimitRule() : DoseLimitRule(LimitPer.Day, DiagnosticCatalog.OverMaxPerDay)
{
    protected override object GroupKey(DoseEvent e) => e.PlanDay;

    protected override string Where(DoseEvent e) => $"on plan day {e.PlanDay} (day {e.CycleDay} of cycle '{e.Instance.CycleName}')";
}

/// <summary>RL3004: the doses of one cycle instance over the maximum per cycle.</summary>
public sealed class PerCycleLimitRule() : DoseLimitRule(LimitPer.Cycle, DiagnosticCatalog.OverMaxPerCycle)
{
    protected override object GroupKey(DoseEvent e) => e.InstanceIndex;

    protected override string Where(DoseEvent e) =>
        $"in cycle {e.Instance.Cycle} of the plan ('{e.Instance.CycleName}', cycle {e.Instance.PhaseCycle} of phase '{e.Instance.Phase}')";
}

/// <summary>RL3005: the doses of the whole plan (every phase) plus prior exposure over the lifetime maximum.</summary>
public sealed class LifetimeLimitRule() : DoseLimitRule(LimitPer.Lifetime, DiagnosticCatalog.OverLifetimeMax)
{
    protected override object GroupKey(DoseEvent e) => 0;

    protected override string Where(DoseEvent e) =>
        $"over the plan, reached in cycle {e.Instance.Cycle} ('{e.Instance.CycleName}', phase '{e.Instance.Phase}')";
}
