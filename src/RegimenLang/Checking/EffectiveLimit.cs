using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking;

/// <summary>A maximum that applies to a drug: from the formulary or from a <c>limit</c> line of the regimen.</summary>
/// <param name="Origin">Where it comes from, for messages ("formulary: vincristine label", "limit on line 40").</param>
public sealed record EffectiveLimit(string Drug, LimitPer Per, AmountDose Max, Route? Route, string Origin, RelatedLocation Related)
{
    /// <summary>The maximum as a mass (or units) per basis, ignoring a written rate (the scope says per day).</summary>
    public DoseUnit Unit => Max.Unit with { Rate = DoseRate.None };

    /// <summary>Every limit of <paramref name="drug"/> with the given scope: the formulary's, then the regimen's own.</summary>
    public static IEnumerable<EffectiveLimit> For(RuleContext context, DrugEntry drug, LimitPer per)
    {
        foreach (var limit in drug.Limits.Where(l => l.Per == per))
        {
            yield return new EffectiveLimit(drug.Name, per, limit.Max, limit.Route, Phrases.FromFormulary(limit.Source),
                RuleContext.At(limit.Location, $"{drug.Name}: at most {limit.Max} per {Name(per)} ({limit.Source})"));
        }
        foreach (var limit in context.Model.Limits.Where(l => ReferenceEquals(l.Drug, drug) && ToPer(l.Syntax.Scope) == per))
        {
            yield return new EffectiveLimit(drug.Name, per, limit.Syntax.Amount, null, Phrases.FromLimitLine(limit.Syntax.Span.Line),
                context.At(limit.Syntax, $"the regimen's own limit: {limit.Syntax.Amount} {(per == LimitPer.Lifetime ? "lifetime" : "per " + Name(per))}"));
        }
    }

    public static string Name(LimitPer per) => per switch
    {
        LimitPer.Administration => "administration",
        LimitPer.Day => "day",
        LimitPer.Cycle => "cycle",
        LimitPer.Lifetime => "lifetime",
        _ => throw new ArgumentOutOfRangeException(nameof(per)),
    };

    public static MaximumScope Scope(LimitPer per) => per switch
    {
        LimitPer.Administration => MaximumScope.Administration,
        LimitPer.Day => MaximumScope.Day,
        LimitPer.Cycle => MaximumScope.Cycle,
        LimitPer.Lifetime => MaximumScope.Lifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(per)),
    };

    public static LimitPer ToPer(LimitScope scope) => scope switch
    {
        LimitScope.PerDose => LimitPer.Administration,
        LimitScope.PerDay => LimitPer.Day,
        LimitScope.PerCycle => LimitPer.Cycle,
        LimitScope.Lifetime => LimitPer.Lifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };
}
