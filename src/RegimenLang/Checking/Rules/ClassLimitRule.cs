using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3013: the drugs of a class over the class's lifetime limit, counted in equivalents of its reference drug (anthracyclines
/// as doxorubicin mg/m2), over the whole plan with prior exposure to any member. Systemic doses only (an intrathecal dose is
/// local). Only confirmed factors and limits that always apply are counted. A total made of the reference drug alone is that
/// drug's own lifetime limit (RL3005), not reported twice.
/// </summary>
public sealed class ClassLimitRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ClassLimit];

    public RuleScope Scope => RuleScope.Plan;

    public void Check(RuleContext context)
    {
        var reported = new HashSet<DrugClass>();
        foreach (var drugClass in context.Formulary.Classes)
        {
            var limits = ClassExposure.CheckedLimits(drugClass).ToList();
            if (limits.Count == 0)
            {
                continue;
            }
            foreach (var scenario in context.Scenarios)
            {
                var members = context.EventsOfEveryDrug(scenario)
                    .Select(d => (d.Drug, d.Events, Factor: Factor(d.Drug, drugClass)))
                    .Where(d => d.Factor is not null)
                    .ToList();
                if (members.Count == 0)
                {
                    continue;
                }
                var events = members
                    .SelectMany(m => m.Events.Where(e => DoseConversion.Systemic(e.Line.Routes.Select(r => r.Route))).Select(e => (Event: e, Factor: m.Factor!.Value)))
                    .OrderBy(x => x.Event.StartMinutes)
                    .ToList();
                foreach (var limit in limits)
                {
                    if (!reported.Contains(drugClass) && Exceeds(context, scenario, drugClass, limit, events))
                    {
                        reported.Add(drugClass);
                    }
                }
            }
        }
    }

    private static decimal? Factor(DrugEntry drug, DrugClass drugClass) => ClassExposure.ConfirmedFactor(drug, drugClass.Name);

    private static bool Exceeds(RuleContext context, Scenario scenario, DrugClass drugClass, DoseLimit limit, List<(DoseEvent Event, decimal Factor)> events)
    {
        var unit = limit.Max.Unit with { Rate = DoseRate.None };
        decimal max = limit.Max.Amount.Value;
        var patient = scenario.Patient;
        decimal? absoluteMax = !scenario.IsRealPatient ? null : unit.Basis switch
        {
            DoseBasis.Flat => max,
            DoseBasis.PerSquareMetre when patient.Bsa is { } bsa => max * bsa.Value,
            DoseBasis.PerKilogram when patient.WeightKg is { } kg => max * kg,
            _ => null,
        };
        var (symbolic, absolute, contributors) = DoseConversion.Prior(patient, unit, name => context.Formulary.Find(name) is { } drug ? Factor(drug, drugClass) : null);
        bool prior = symbolic > 0 || absolute > 0;
        foreach (var (e, factor) in events)
        {
            bool counted = false;
            if (DoseArithmetic.PrescribedIn(e, unit) is { } s)
            {
                symbolic += s * factor;
                counted = true;
            }
            if (absoluteMax is not null && DoseArithmetic.AbsoluteIn(e, unit) is { } a)
            {
                absolute += a * factor;
                counted = true;
            }
            if (counted)
            {
                contributors.Add(e.Drug);
            }
            string? total = symbolic > max ? DoseArithmetic.Format(symbolic, unit)
                : absoluteMax is { } am && absolute > am ? DoseArithmetic.Format(absolute, unit.Mass) + Phrases.ForThisPatient(DoseArithmetic.Format(am, unit.Mass))
                : null;
            if (total is null)
            {
                continue;
            }
            if (contributors.All(c => string.Equals(c, drugClass.Reference, StringComparison.OrdinalIgnoreCase)))
            {
                return false; // the reference drug alone: its own lifetime limit says it
            }
            string when = events.Any(x => x.Event.Administration.When is not null || x.Event.Instance.Branch is not null || scenario.ChangesDose(x.Event.Administration)) ? scenario.When : "";
            context.Report(Diagnose.ClassLimit(e.Administration.Dose.Span, drugClass.Name, total, drugClass.Reference, prior ? Phrases.IncludingPrior : "", when,
                e.Drug, e.Instance.Cycle, e.Instance.CycleName, $"{limit.Max.Amount.Text} {unit}", limit.Source)
                .WithRelated(RuleContext.At(limit.Location, $"class {drugClass.Name}: at most {limit.Max} lifetime ({limit.Source})")));
            return true;
        }
        return false;
    }
}
