using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3009: a route the drug's formulary entry does not list (doxorubicin IT, leucovorin IT, vinorelbine SC, blinatumomab
/// as a bolus). <c>CIV</c> is an intravenous route; a drug listed only as <c>CIV</c> may be written <c>IV</c> with
/// <c>over</c> or <c>continuous</c>. A forbidden route is RL3001's, not reported twice. Runs on every line whose drug and
/// route could be read, like RL3001.
/// </summary>
public sealed class RouteNotListedRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.RouteNotListed];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var (line, drug) in context.WrittenLines)
        {
            if (drug is null || drug.Routes.IsEmpty)
            {
                continue;
            }
            foreach (var route in line.Routes)
            {
                if (drug.ForbiddenRoutes.Any(f => f.Route == route.Route) || Listed(drug.Routes, route.Route, line))
                {
                    continue;
                }
                bool continuousOnly = route.Route == Route.IV && drug.Routes.All(r => r == Route.CIV);
                context.Report(continuousOnly
                    ? Diagnose.ContinuousOnly(route.Span, drug.Name, drug.Source)
                    : Diagnose.RouteNotListed(route.Span, drug.Name, Phrases.Route(route.Route.ToString()),
                        string.Join(", ", drug.Routes.Select(r => r.ToString())), drug.Source));
            }
        }
    }

    private static bool Listed(IReadOnlyCollection<Route> routes, Route route, AdministrationLine line) => route switch
    {
        Route.CIV => routes.Contains(Route.CIV) || routes.Contains(Route.IV),
        // An IV infusion over a time or continuous is what a CIV-only label gives.
        Route.IV => routes.Contains(Route.IV) || (routes.Contains(Route.CIV) && line.Infusion is not null),
        _ => routes.Contains(route),
    };
}
