using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>
/// RL3001: a route the formulary forbids (vincristine intrathecal: fatal). Runs on every line whose drug and
/// route could be read, complete or not, so that no other mistake in the file can hide it.
/// </summary>
public sealed class ForbiddenRouteRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ForbiddenRoute];

    public RuleScope Scope => RuleScope.Line;

    public void Check(RuleContext context)
    {
        foreach (var (line, drug) in context.WrittenLines)
        {
            if (drug is null)
            {
                continue;
            }
            foreach (var route in line.Routes)
            {
                var forbidden = drug.ForbiddenRoutes.FirstOrDefault(f => f.Route == route.Route);
                if (forbidden is not null)
                {
                    context.Report(Diagnose.ForbiddenRoute(route.Span, drug.Name, Phrases.Route(route.Route.ToString()), forbidden.Reason)
                        .WithRelated(RuleContext.At(forbidden.Location, $"{drug.Name}: {route.Route} forbidden ({forbidden.Source})")));
                }
            }
        }
    }
}
