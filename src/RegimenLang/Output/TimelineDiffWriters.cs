using RegimenLang.Diagnostics;
using System.Text;

namespace RegimenLang.Output;

/// <summary>
/// <c>regimen diff</c>'s formats: <see cref="Text"/> (also the summary above <c>snapshot</c>'s unified diff),
/// <see cref="Markdown"/> for a review comment, and <see cref="Tree"/> for JSON.
/// </summary>
public static class TimelineDiffWriters
{
    public static string Text(TimelineDiff diff)
    {
        var output = new StringBuilder();
        output.Append("regimen diff: ").Append(diff.OldName).Append(" -> ").Append(diff.NewName).Append('\n');
        output.Append("patient: ").Append(diff.Patient).Append('\n');
        output.Append(Summary(diff)).Append('\n');
        if (diff.IsEmpty)
        {
            return output.ToString();
        }
        if (!diff.Administrations.IsEmpty)
        {
            output.Append("\nAdministrations\n");
            foreach (var change in diff.Administrations)
            {
                output.Append("  ").Append(KindName(change.Kind).PadRight(8)).Append("  ").Append(Describe(change)).Append('\n');
            }
        }
        AppendTotals(output, "Totals per cycle", diff.CycleTotals);
        AppendTotals(output, "Cumulative, whole plan", diff.PlanTotals);
        AppendFindings(output, diff);
        return output.ToString();
    }

    /// <summary>"2 changes for the patient: 1 moved, 1 re-dosed (47 administrations before, 47 after); totals ...; findings ...".</summary>
    public static string Summary(TimelineDiff diff)
    {
        if (diff.IsEmpty)
        {
            return $"no change for the patient ({diff.NewCount} administrations)";
        }
        var kinds = Enum.GetValues<AdministrationChangeKind>().Where(k => diff.Count(k) > 0).Select(k => $"{diff.Count(k)} {KindName(k)}").ToList();
        var parts = new List<string>
        {
            kinds.Count == 0 ? "no administration changes" : $"administrations: {string.Join(", ", kinds)}",
            $"{diff.OldCount} before, {diff.NewCount} after",
        };
        if (diff.CycleTotals.Length + diff.PlanTotals.Length > 0)
        {
            parts.Add($"totals differ: {diff.CycleTotals.Length} per cycle, {diff.PlanTotals.Length} for the whole plan");
        }
        if (diff.FindingsAppeared is { Length: > 0 } appeared)
        {
            parts.Add($"{appeared.Length} new {Plural(appeared.Length, "finding")}");
        }
        if (diff.FindingsDisappeared is { Length: > 0 } gone)
        {
            parts.Add($"{gone.Length} {Plural(gone.Length, "finding")} gone");
        }
        return "changes for the patient: " + string.Join("; ", parts);
    }

    public static string Markdown(TimelineDiff diff)
    {
        var md = new StringBuilder();
        md.Append("## regimen diff: `").Append(diff.OldName).Append("` → `").Append(diff.NewName).Append("`\n\n");
        md.Append("Patient: ").Append(Cell(diff.Patient)).Append("\n\n");
        md.Append("**").Append(Cell(Summary(diff))).Append("**\n");
        if (!diff.Administrations.IsEmpty)
        {
            md.Append("\n### Administrations\n\n| change | drug | before | after |\n|---|---|---|---|\n");
            foreach (var c in diff.Administrations)
            {
                md.Append("| ").Append(KindName(c.Kind)).Append(" | ").Append(Cell(c.At.What)).Append(" | ")
                    .Append(c.Old is { } o ? Cell(Place(o)) : "—").Append(" | ").Append(c.New is { } n ? Cell(Place(n)) : "—").Append(" |\n");
            }
        }
        foreach (var (title, totals) in new[] { ("Totals per cycle", diff.CycleTotals), ("Cumulative, whole plan", diff.PlanTotals) })
        {
            if (totals.IsEmpty)
            {
                continue;
            }
            md.Append("\n### ").Append(title).Append("\n\n| cycle | drug | before | after |\n|---|---|---|---|\n");
            foreach (var t in totals)
            {
                md.Append("| ").Append(Cell(t.Cycle ?? "whole plan")).Append(" | ").Append(Cell(t.Drug)).Append(" | ")
                    .Append(Cell(Before(t))).Append(" | ").Append(Cell(After(t))).Append(" |\n");
            }
        }
        if (diff.FindingsAppeared is { } appeared && diff.FindingsDisappeared is { } gone && appeared.Length + gone.Length > 0)
        {
            md.Append("\n### Findings\n\n");
            foreach (var f in appeared)
            {
                md.Append("- new: `").Append(f.Code).Append("` ").Append(Cell(f.Message)).Append(" (line ").Append(f.Line).Append(")\n");
            }
            foreach (var f in gone)
            {
                md.Append("- gone: `").Append(f.Code).Append("` ").Append(Cell(f.Message)).Append(" (was line ").Append(f.Line).Append(")\n");
            }
        }
        return md.ToString();
    }

    public static TreeObject Tree(TimelineDiff diff)
    {
        var root = new TreeObjectBuilder()
            .Add("old", diff.OldName)
            .Add("new", diff.NewName)
            .Add("patient", diff.Patient)
            .Add("changed", !diff.IsEmpty)
            .Add("counts", new TreeObjectBuilder()
                .Add("before", diff.OldCount).Add("after", diff.NewCount)
                .Add("added", diff.Count(AdministrationChangeKind.Added)).Add("removed", diff.Count(AdministrationChangeKind.Removed))
                .Add("moved", diff.Count(AdministrationChangeKind.Moved)).Add("redosed", diff.Count(AdministrationChangeKind.Redosed)).Build())
            .Add("administrations", new TreeArray([.. diff.Administrations.Select(c => (TreeValue)new TreeObjectBuilder()
                .Add("change", KindName(c.Kind))
                .Add("drug", c.At.Drug)
                .Add("route", c.At.Route)
                .Add("old", c.Old is { } o ? Administration(o) : TreeScalar.Null)
                .Add("new", c.New is { } n ? Administration(n) : TreeScalar.Null)
                .Build())]))
            .Add("cycleTotals", new TreeArray([.. diff.CycleTotals.Select(TotalTree)]))
            .Add("totals", new TreeArray([.. diff.PlanTotals.Select(TotalTree)]));
        if (diff.FindingsAppeared is { } appeared && diff.FindingsDisappeared is { } gone)
        {
            root.Add("findings", new TreeObjectBuilder()
                .Add("appeared", new TreeArray([.. appeared.Select(FindingTree)]))
                .Add("disappeared", new TreeArray([.. gone.Select(FindingTree)])).Build());
        }
        return root.Build();
    }

    private static TreeValue Administration(DigestAdministration a) => new TreeObjectBuilder()
        .Add("date", TimelineTreeBuilder.Date(a.Date))
        .Add("time", TimelineTreeBuilder.Time(a.Time))
        .Add("cycle", a.Cycle)
        .Add("cycleDay", a.CycleDay)
        .Add("prescribed", a.Prescribed)
        .Add("amount", a.Amount)
        .AddIfNotNull("duration", a.Duration.Length == 0 ? null : a.Duration)
        .Build();

    private static TreeValue TotalTree(TotalChange t) => new TreeObjectBuilder()
        .AddIfNotNull("cycle", t.Cycle)
        .Add("drug", t.Drug)
        .Add("old", t.Old is { } o ? TotalValue(o) : TreeScalar.Null)
        .Add("new", t.New is { } n ? TotalValue(n) : TreeScalar.Null)
        .Build();

    private static TreeValue TotalValue(DigestTotal t) => new TreeObjectBuilder()
        .Add("total", t.Absolute).Add("administrations", t.Administrations).Add("text", t.Text).Build();

    private static TreeValue FindingTree(DigestFinding f) => new TreeObjectBuilder()
        .Add("severity", f.Severity.ToName()).Add("code", f.Code).Add("message", f.Message).Add("line", f.Line).Build();

    private static void AppendTotals(StringBuilder output, string title, IReadOnlyList<TotalChange> totals)
    {
        if (totals.Count == 0)
        {
            return;
        }
        output.Append('\n').Append(title).Append('\n');
        int width = totals.Max(t => t.Drug.Length);
        string? cycle = null;
        foreach (var t in totals)
        {
            string indent = "  ";
            if (t.Cycle is not null)
            {
                if (t.Cycle != cycle)
                {
                    output.Append("  ").Append(t.Cycle).Append('\n');
                    cycle = t.Cycle;
                }
                indent = "    ";
            }
            output.Append(indent).Append(t.Drug.PadRight(width)).Append("  ").Append(Before(t)).Append(" -> ").Append(After(t)).Append('\n');
        }
    }

    private static void AppendFindings(StringBuilder output, TimelineDiff diff)
    {
        if (diff.FindingsAppeared is not { } appeared || diff.FindingsDisappeared is not { } gone || appeared.Length + gone.Length == 0)
        {
            return;
        }
        output.Append("\nFindings\n");
        foreach (var f in appeared)
        {
            output.Append("  + ").Append(f.Key).Append(" (line ").Append(f.Line).Append(")\n");
        }
        foreach (var f in gone)
        {
            output.Append("  - ").Append(f.Key).Append(" (was line ").Append(f.Line).Append(")\n");
        }
    }

    /// <summary>"vincristine IV 2 mg (2 mg): induction 1 (plan cycle 1) day 4, 2026-01-08 08:00 -> day 5, 2026-01-09 08:00".</summary>
    private static string Describe(AdministrationChange c) => c.Kind switch
    {
        AdministrationChangeKind.Added => $"{c.New!.What} {Dose(c.New)}: {c.New.Where}",
        AdministrationChangeKind.Removed => $"{c.Old!.What} {Dose(c.Old)}: {c.Old.Where}",
        AdministrationChangeKind.Moved => $"{c.New!.What} {Dose(c.New)}: {c.Old!.Where} -> {(c.Old.Cycle == c.New.Cycle ? c.New.Where[(c.New.Cycle.Length + 1)..] : c.New.Where)}",
        _ => $"{c.New!.What}: {c.New.Where}{(c.Old!.Time != c.New.Time ? $" (was {TimelineTreeBuilder.Time(c.Old.Time)})" : "")}: {Dose(c.Old)} -> {Dose(c.New)}",
    };

    /// <summary>"2 mg", or "375 mg/m2 = 690 mg" when the dose is computed; the duration after it.</summary>
    private static string Dose(DigestAdministration a) =>
        (a.Prescribed == a.Amount ? a.Amount : $"{a.Prescribed} = {a.Amount}") + (a.Duration.Length > 0 ? $" {a.Duration}" : "");

    private static string Place(DigestAdministration a) => $"{a.Where}: {Dose(a)}";

    // When the amount and count are the same, what changed is in the rest of the text (prescribed units, prior exposure).
    private static bool SameShort(TotalChange t) => t.Old is { } o && t.New is { } n && TotalText(o) == TotalText(n);

    private static string Before(TotalChange t) => SameShort(t) ? t.Old!.Text : TotalText(t.Old);

    private static string After(TotalChange t) => SameShort(t) ? t.New!.Text : TotalText(t.New);

    private static string TotalText(DigestTotal? t) => t is null ? "none" : $"{t.Absolute} ({t.Administrations} {Plural(t.Administrations, "administration")})";

    private static string KindName(AdministrationChangeKind kind) => kind switch
    {
        AdministrationChangeKind.Added => "added",
        AdministrationChangeKind.Removed => "removed",
        AdministrationChangeKind.Moved => "moved",
        _ => "re-dosed",
    };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
