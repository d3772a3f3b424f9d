using System.Globalization;
using System.Text;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output;

/// <summary>One value of a formulary entry as shown to people: what it is, the value in words, its source and whether a source confirmed it.</summary>
public sealed record FormularyValue(string Kind, string? Route, string Value, string Source, bool Unconfirmed, bool IsNumber);

/// <summary>
/// The formulary for people: the reference page (docs/formulary.md), and the list and single-drug views of
/// <c>regimen formulary</c> in text and as a tree for JSON. Pure functions of the loaded formulary.
/// </summary>
public static class FormularyWriters
{
    public const string UnconfirmedMark = "UNCONFIRMED";

    /// <summary>Every value of an entry, in a fixed order: usual doses, limits, intervals, cycles, companions, class equivalents, forbidden routes, interactions.</summary>
    public static IReadOnlyList<FormularyValue> Values(DrugEntry drug)
    {
        var values = new List<FormularyValue>();
        foreach (var u in drug.UsualDoses)
        {
            var text = new StringBuilder(u.Dose.ToString()).Append(" (").Append(BasisName(u.Basis)).Append(')');
            if (u.Low is not null || u.High is not null)
            {
                text.Append(", usual range ").Append(u.Low?.ToString() ?? "?").Append(" to ").Append(u.High?.ToString() ?? "?");
            }
            if (u.Context is { } context)
            {
                text.Append("; ").Append(context);
            }
            values.Add(new("usual dose", RouteName(u.Route), text.ToString(), u.Source, u.Unconfirmed, true));
        }
        foreach (var l in drug.AllLimits)
        {
            values.Add(new("maximum", RouteName(l.Route), LimitText(l), l.Source, l.Unconfirmed, true));
        }
        foreach (var i in drug.Intervals)
        {
            var text = new StringBuilder("at least ").Append(Days(i.MinDays)).Append(" from the start of one administration to the next");
            if (i.MinDose is { } minDose)
            {
                text.Append(" (doses of ").Append(minDose).Append(" or more)");
            }
            if (i.Reason is { } reason)
            {
                text.Append("; ").Append(reason);
            }
            values.Add(new("minimum interval", RouteName(i.Route), text.ToString(), i.Source, i.Unconfirmed, true));
        }
        if (drug.Intervals.IsEmpty && drug.MinIntervalDays is { } minInterval)
        {
            values.Add(new("minimum interval", null, $"at least {Days(minInterval)} between doses", drug.MinIntervalSource ?? "", false, true));
        }
        if (drug.TreatmentFreeDays is { } free)
        {
            values.Add(new("treatment-free days", null, $"at least {Days(free)} between cycles", drug.TreatmentFreeSource ?? "", false, true));
        }
        if (drug.MaxCycles is { } cycles)
        {
            values.Add(new("maximum cycles", null, cycles.ToString(CultureInfo.InvariantCulture), drug.MaxCyclesSource ?? "", false, true));
        }
        foreach (var c in drug.Companions)
        {
            values.Add(new(c.Optional ? "optional companion" : "companion", RouteName(c.Route), CompanionText(c), c.Source, c.Unconfirmed,
                c.From is not null || c.To is not null || c.MinDose is not null));
        }
        foreach (var p in drug.Separations)
        {
            values.Add(new("separation", null, SeparationText(p), p.Source, p.Unconfirmed, true));
        }
        foreach (var e in drug.ClassEquivalents)
        {
            values.Add(new("class equivalent", null, $"counts towards '{e.Class}' with factor {e.Factor.ToString(CultureInfo.InvariantCulture)}",
                e.Source, e.Unconfirmed, true));
        }
        foreach (var f in drug.ForbiddenRoutes)
        {
            values.Add(new("forbidden route", f.Route.ToString(), f.Reason, f.Source, f.Unconfirmed, false));
        }
        foreach (var x in drug.Interactions)
        {
            var text = new StringBuilder("with ").Append(string.Join(" or ", x.AnyOf));
            if (x.Effect is { } effect)
            {
                text.Append(": ").Append(effect);
            }
            if (x.Note is { } note)
            {
                text.Append(" (").Append(note).Append(')');
            }
            values.Add(new("interaction", null, text.ToString(), x.Source, false, false));
        }
        return values;
    }

    /// <summary>The reference page of the formulary (docs/formulary.md).</summary>
    public static string Markdown(DrugFormulary formulary)
    {
        var md = new StringBuilder();
        md.Append("# Formulary\n\n");
        md.Append("The drugs `regimen check` knows, with every value of the shipped formulary ");
        md.Append("(src/RegimenLang/Semantics/Formulary/formulary.yaml) and the source it comes from. ");
        md.Append("Test data for software, not medical advice: validate locally before clinical use. ");
        md.Append($"A value marked **{UnconfirmedMark}** was not confirmed by any source text seen during the research and must not be presented as checked.\n\n");
        md.Append("This page is generated from the data; a test keeps it current (regenerate with ACCEPT_GOLDEN=1). ");
        md.Append("`regimen formulary DRUG` prints the same values.\n\n");
        int drugsWithNumbers = formulary.Drugs.Count(d => Values(d).Any(v => v.IsNumber));
        int numbers = formulary.Drugs.Sum(d => Values(d).Count(v => v.IsNumber));
        int unconfirmed = formulary.Drugs.Sum(d => Values(d).Count(v => v.Unconfirmed));
        md.Append(CultureInfo.InvariantCulture, $"{formulary.Drugs.Length} drugs, {drugsWithNumbers} with numbers; {numbers} numbered values, {unconfirmed} values {UnconfirmedMark}.\n\n");
        if (!formulary.Classes.IsEmpty)
        {
            md.Append("## Classes\n\n");
            foreach (var c in formulary.Classes)
            {
                md.Append("### ").Append(c.Name).Append("\n\n");
                md.Append("Reference drug: ").Append(c.Reference).Append('.');
                if (c.Members is { } members)
                {
                    md.Append(" Members: ").Append(Cell(members)).Append('.');
                }
                md.Append("\n\n| value | source |\n|---|---|\n");
                foreach (var l in c.Limits)
                {
                    md.Append("| ").Append(Cell(Marked(LimitText(l), l.Unconfirmed))).Append(" | ").Append(Cell(l.Source)).Append(" |\n");
                }
                md.Append('\n');
            }
        }
        md.Append("## Drugs\n\n| drug | class | routes | values |\n|---|---|---|---|\n");
        foreach (var d in formulary.Drugs)
        {
            md.Append("| [").Append(d.Name).Append("](#").Append(d.Name.ToLowerInvariant()).Append(") | ").Append(Cell(d.Class)).Append(" | ")
                .Append(string.Join(", ", d.Routes)).Append(" | ").Append(Values(d).Count.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
        md.Append('\n');
        foreach (var d in formulary.Drugs)
        {
            md.Append("### ").Append(d.Name).Append("\n\n");
            if (!d.Aliases.IsEmpty)
            {
                md.Append("Also: ").Append(string.Join(", ", d.Aliases)).Append(".  \n");
            }
            md.Append("Class: ").Append(Cell(d.Class)).Append(d.Cytotoxic ? ", cytotoxic" : "").Append(". Routes: ").Append(string.Join(", ", d.Routes)).Append(".  \n");
            md.Append("Source: ").Append(Cell(d.Source)).Append("\n\n");
            if (d.Notes is { } notes)
            {
                md.Append("> ").Append(Cell(notes)).Append("\n\n");
            }
            var values = Values(d);
            if (values.Count > 0)
            {
                md.Append("| value | route | detail | source |\n|---|---|---|---|\n");
                foreach (var v in values)
                {
                    md.Append("| ").Append(v.Kind).Append(" | ").Append(v.Route ?? "any").Append(" | ").Append(Cell(Marked(v.Value, v.Unconfirmed)))
                        .Append(" | ").Append(Cell(v.Source)).Append(" |\n");
                }
                md.Append('\n');
            }
        }
        return md.ToString();
    }

    /// <summary>The list of drugs: name, class, routes and how many values each holds.</summary>
    public static string ListText(DrugFormulary formulary)
    {
        var rows = formulary.Drugs.Select(d => (d.Name, d.Class, Routes: string.Join(",", d.Routes), Count: Values(d).Count(v => v.IsNumber))).ToList();
        int name = Math.Max(4, rows.Max(r => (int?)r.Name.Length) ?? 0);
        int cls = Math.Max(5, rows.Max(r => (int?)r.Class.Length) ?? 0);
        int routes = Math.Max(6, rows.Max(r => (int?)r.Routes.Length) ?? 0);
        var text = new StringBuilder();
        text.Append("drug".PadRight(name)).Append("  ").Append("class".PadRight(cls)).Append("  ").Append("routes".PadRight(routes)).Append("  numbers\n");
        foreach (var r in rows)
        {
            text.Append(r.Name.PadRight(name)).Append("  ").Append(r.Class.PadRight(cls)).Append("  ").Append(r.Routes.PadRight(routes)).Append("  ")
                .Append(r.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $"{rows.Count} drugs\n");
        return text.ToString();
    }

    /// <summary>One drug with every value and its source.</summary>
    public static string DrugText(DrugEntry drug)
    {
        var text = new StringBuilder();
        text.Append(drug.Name).Append('\n');
        if (!drug.Aliases.IsEmpty)
        {
            text.Append("  also:    ").Append(string.Join(", ", drug.Aliases)).Append('\n');
        }
        text.Append("  class:   ").Append(drug.Class).Append(drug.Cytotoxic ? ", cytotoxic" : "").Append('\n');
        text.Append("  routes:  ").Append(string.Join(", ", drug.Routes)).Append('\n');
        text.Append("  source:  ").Append(drug.Source).Append('\n');
        if (drug.Notes is { } notes)
        {
            text.Append("  notes:   ").Append(notes).Append('\n');
        }
        var values = Values(drug);
        if (values.Count == 0)
        {
            text.Append("  (no numbers)\n");
        }
        foreach (var v in values)
        {
            text.Append("  ").Append(v.Kind);
            if (v.Route is { } route)
            {
                text.Append(' ').Append(route);
            }
            text.Append(": ").Append(Marked(v.Value, v.Unconfirmed)).Append('\n');
            text.Append("      source: ").Append(v.Source).Append('\n');
        }
        return text.ToString();
    }

    public static TreeValue ListTree(DrugFormulary formulary) =>
        new TreeObjectBuilder()
            .Add("drugs", new TreeArray([.. formulary.Drugs.Select(d => (TreeValue)new TreeObjectBuilder()
                .Add("name", d.Name)
                .Add("class", d.Class)
                .Add("routes", new TreeArray([.. d.Routes.Select(r => (TreeValue)new TreeScalar(r.ToString()))]))
                .Add("numbers", Values(d).Count(v => v.IsNumber))
                .Build())]))
            .Build();

    public static TreeValue DrugTree(DrugEntry drug) =>
        new TreeObjectBuilder()
            .Add("name", drug.Name)
            .Add("aliases", new TreeArray([.. drug.Aliases.Select(a => (TreeValue)new TreeScalar(a))]))
            .Add("class", drug.Class)
            .Add("cytotoxic", drug.Cytotoxic)
            .Add("routes", new TreeArray([.. drug.Routes.Select(r => (TreeValue)new TreeScalar(r.ToString()))]))
            .Add("source", drug.Source)
            .AddIfNotNull("notes", drug.Notes)
            .Add("values", new TreeArray([.. Values(drug).Select(v => (TreeValue)new TreeObjectBuilder()
                .Add("kind", v.Kind)
                .AddIfNotNull("route", v.Route)
                .Add("value", v.Value)
                .Add("source", v.Source)
                .Add("unconfirmed", v.Unconfirmed)
                .Build())]))
            .Build();

    private static string LimitText(DoseLimit l)
    {
        var text = new StringBuilder(l.Max.ToString()).Append(' ').Append(l.Per switch
        {
            LimitPer.Administration => "per administration",
            LimitPer.Day => "per day",
            LimitPer.Cycle => "per cycle",
            _ => "in a lifetime",
        });
        if (l.When is { } when)
        {
            text.Append(", when ").Append(when);
        }
        if (l.Note is { } note)
        {
            text.Append("; ").Append(note.Trim());
        }
        return text.ToString();
    }

    private static string CompanionText(Companion c)
    {
        var text = new StringBuilder(string.Join(" or ", c.AnyOf));
        string timing = c.Timing switch
        {
            CompanionTiming.BeforeStart => "before the start",
            CompanionTiming.AfterStart => "after the start",
            _ => "with it",
        };
        if (c.FromText is not null || c.ToText is not null)
        {
            text.Append(' ').Append(c.FromText ?? "0 h").Append(c.ToText is { } to ? $" to {to}" : " or more");
        }
        text.Append(' ').Append(timing);
        if (c.MinDose is { } minDose)
        {
            text.Append(" (for doses of ").Append(minDose).Append(" or more)");
        }
        if (c.CompanionDose is { } dose)
        {
            text.Append("; companion dose: ").Append(dose);
        }
        text.Append("; ").Append(c.Reason);
        return text.ToString();
    }

    private static string SeparationText(Separation p)
    {
        string from = p.From switch
        {
            SeparationTarget.Cytotoxic => "cytotoxic chemotherapy",
            _ => p.From.ToString(),
        };
        var parts = new List<string>();
        if (p.BeforeText is { } before)
        {
            parts.Add($"not within {before} before {from} starts");
        }
        if (p.AfterText is { } after)
        {
            parts.Add($"not within {after} after {from} ends");
        }
        return string.Join(", ", parts) + "; " + p.Reason;
    }

    private static string BasisName(FormularyBasis basis) => basis switch
    {
        FormularyBasis.Flat => "flat",
        FormularyBasis.PerSquareMetre => "per m2",
        FormularyBasis.PerKilogram => "per kg",
        _ => "AUC",
    };

    private static string? RouteName(Route? route) => route?.ToString();

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";

    private static string Marked(string value, bool unconfirmed) => unconfirmed ? $"{UnconfirmedMark}: {value}" : value;

    /// <summary>Text safe in a Markdown table cell: one line, pipes escaped.</summary>
    private static string Cell(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Trim();
}
