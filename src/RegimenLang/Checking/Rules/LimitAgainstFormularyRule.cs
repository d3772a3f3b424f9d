using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3014: the author's own maxima against the formulary's. A <c>cap</c> above the formulary's flat maximum per administration
/// for the line's route, or a <c>limit</c> line above the formulary's maximum of the same scope and basis, promises what the
/// formulary forbids; a cap or limit in a unit its drug's doses cannot be compared with (mg against units) would never apply.
/// Found from the file alone, without a patient.
/// </summary>
public sealed class LimitAgainstFormularyRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.LimitAgainstFormulary];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            var line = administration.Line;
            if (administration.Drug is not { } drug || line.Cap is not { } cap || administration.Dose is not AmountDose dose)
            {
                continue;
            }
            if (!Units.Compatible(cap.Limit.Unit.Mass, dose.Unit.Mass))
            {
                context.Report(Diagnose.LimitNotComparable(cap.Span, $"'cap {cap.Limit}'", DoseUnit.CanonicalMass(cap.Limit.Unit.Mass), drug.Name,
                    DoseUnit.CanonicalMass(dose.Unit.Mass)));
                continue;
            }
            // A cap on a rate dose (mcg/day) caps the day: compare it with the maxima per day too.
            bool daily = dose.Unit.Rate == DoseRate.PerDay || cap.Limit.Unit.Rate == DoseRate.PerDay;
            var over = drug.Limits.FirstOrDefault(l => (l.Per == LimitPer.Administration || daily && l.Per == LimitPer.Day)
                && l.Max.Unit.Basis == DoseBasis.Flat && DoseArithmetic.OnRoute(l.Route, line) && Above(cap.Limit, l.Max));
            if (over is not null)
            {
                context.Report(Diagnose.CapAboveFormulary(cap.Span, cap.Limit.ToString()!, drug.Name, $"{over.Max.Amount.Text} {over.Max.Unit with { Rate = DoseRate.None }}",
                        EffectiveLimit.Name(over.Per), over.Source)
                    .WithRelated(RuleContext.At(over.Location, $"{drug.Name}: at most {over.Max} per {EffectiveLimit.Name(over.Per)} ({over.Source})")));
            }
        }
        foreach (var limit in context.Model.Limits)
        {
            var syntax = limit.Syntax;
            var drug = limit.Drug;
            var doses = context.Lines.Where(a => ReferenceEquals(a.Drug, drug)).Select(a => a.Dose).OfType<AmountDose>().ToList();
            if (doses.Count > 0 && doses.All(d => !Units.Compatible(d.Unit.Mass, syntax.Amount.Unit.Mass)))
            {
                context.Report(Diagnose.LimitNotComparable(syntax.Amount.Span, $"'limit {drug.Name} {syntax.Amount}'", DoseUnit.CanonicalMass(syntax.Amount.Unit.Mass),
                    drug.Name, DoseUnit.CanonicalMass(doses[0].Unit.Mass)));
                continue;
            }
            var per = EffectiveLimit.ToPer(syntax.Scope);
            // A limit line has no route: compare it with the formulary's maxima that hold on every route.
            var over = drug.Limits.FirstOrDefault(l => l.Per == per && l.Route is null && Above(syntax.Amount, l.Max));
            if (over is not null)
            {
                context.Report(Diagnose.LimitAboveFormulary(syntax.Amount.Span, drug.Name, syntax.Amount.ToString()!, $"{over.Max.Amount.Text} {over.Max.Unit with { Rate = DoseRate.None }}",
                        per == LimitPer.Lifetime ? "lifetime" : EffectiveLimit.Name(per), over.Source)
                    .WithRelated(RuleContext.At(over.Location, $"{drug.Name}: at most {over.Max} ({over.Source})")));
            }
        }
    }

    /// <summary>Whether <paramref name="amount"/> is above <paramref name="max"/>, both on one basis and in comparable units.</summary>
    private static bool Above(AmountDose amount, AmountDose max) =>
        amount.Unit.Basis == max.Unit.Basis && Units.Compatible(amount.Unit.Mass, max.Unit.Mass)
        && Units.Convert(amount.Amount.Value, amount.Unit.Mass, max.Unit.Mass) > max.Amount.Value;
}
