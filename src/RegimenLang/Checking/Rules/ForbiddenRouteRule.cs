using RegimenLang.Diagnostics;

namespace RegimenLang.Checking.Rules;

/// <summary>RL3001: a route the formulary forbids (vincristine intrathecal: fatal).</summary>
public sealed class ForbiddenRouteRule : ICheckRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ForbiddenRoute];

    public void Check(RuleContext context)
    {
        foreach (var administration in context.Lines)
        {
            if (administration.Drug is not { } drug)
            {
                continue;
            }
            foreach (var route in administration.Line.Routes)
            {
                var forbidden = drug.ForbiddenRoutes.FirstOrDefault(f => f.Route == route.Route);
                if (forbidden is not null)
                {
                    context.Report(DiagnosticCatalog.ForbiddenRoute, route.Span,
                        [RuleContext.At(forbidden.Location, $"{drug.Name}: {route.Route} forbidden ({forbidden.Source})")],
                        drug.Name, Describe(route.Route), forbidden.Reason);
                }
            }
        }
    }

    private static string Describe(Syntax.Nodes.Route route) => route switch
    {
        Syntax.Nodes.Route.IT => "intrathecally (IT)",
        Syntax.Nodes.Route.IM => "intramuscularly (IM)",
        Syntax.Nodes.Route.SC => "subcutaneously (SC)",
        Syntax.Nodes.Route.PO => "by mouth (PO)",
        _ => route.ToString(),
    };
}
