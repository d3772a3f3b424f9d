using System.Globalization;
using RegimenLang.Evaluation;

namespace RegimenLang.Output;

/// <summary>Wording shared by the human-readable timeline formats (table, markdown).</summary>
internal static class TimelineText
{
    public static string Patient(Patient p)
    {
        var parts = new List<string>();
        if (p.HeightCm is { } h) { parts.Add($"height {Units.Format(h)} cm"); }
        if (p.WeightKg is { } w) { parts.Add($"weight {Units.Format(w)} kg"); }
        if (p.Bsa is { } bsa)
        {
            string how = bsa.Source switch { BsaSource.Mosteller => "Mosteller", BsaSource.DuBois => "DuBois", _ => "given" };
            parts.Add($"BSA {Units.Format(bsa.Value)} m2 ({how}{(bsa.Uncapped is { } u ? $", capped from {Units.Format(u)} m2" : "")})");
        }
        if (p.AgeYears is { } a) { parts.Add($"age {Units.Format(a)}"); }
        if (p.Sex is { } s) { parts.Add($"sex {s}"); }
        if (p.CrclMlPerMin is { } c) { parts.Add($"crcl {Units.Format(c)} mL/min"); }
        foreach (var input in p.Inputs.Values.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            parts.Add($"{input.Name} {input.Text}");
        }
        return parts.Count == 0 ? "(no facts given)" : string.Join(", ", parts);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture);

    public static string CycleHeading(CycleInstance c, DateOnly start)
    {
        string span = $"{TimelineTreeBuilder.Date(start.AddDays(c.StartDay))} to {TimelineTreeBuilder.Date(start.AddDays(c.StartDay + c.LengthDays - 1))}";
        return c.IsRest
            ? $"{c.Phase}: rest, {c.LengthDays} days ({span})"
            : $"{c.Phase} {c.PhaseCycle} (plan cycle {c.Cycle}): {c.CycleName}{(c.CycleTitle is null ? "" : $" \"{c.CycleTitle}\"")}, {c.LengthDays} days ({span})";
    }

    public static string CycleLabel(CycleInstance c) => $"{c.Phase} {c.PhaseCycle} (plan cycle {c.Cycle}, {c.CycleName})";

    public static string Amount(Quantity q) => $"{Units.Format(q.Amount)} {q.Unit}";

    /// <summary>"651 mcg (28 administrations)" or "1.656 mg (prescribed 0.9 mg/m2; 2 administrations)", then any prior exposure.</summary>
    public static string Total(DrugTotal t)
    {
        var prescribed = t.Prescribed.Where(q => q.Unit != t.Absolute.Unit || t.Prescribed.Length > 1).Select(Amount).ToList();
        string count = $"{t.Administrations} {(t.Administrations == 1 ? "administration" : "administrations")}";
        string text = Amount(t.Absolute) + (prescribed.Count > 0 ? $" (prescribed {string.Join(" + ", prescribed)}; {count})" : $" ({count})");
        if (t.Prior is { } prior)
        {
            text += $"; prior {Amount(prior)}{(t.PriorAbsolute is { } pa && prior.Unit != pa.Unit ? $" (about {Amount(pa)} at today's BSA/weight)" : "")}";
            var cumulative = new List<string>();
            if (t.CumulativeAbsolute is { } ca) { cumulative.Add(Amount(ca)); }
            if (t.CumulativePrescribed is { } cp && cp.Unit != t.Absolute.Unit) { cumulative.Add(Amount(cp)); }
            if (cumulative.Count > 0)
            {
                text += "; with prior " + string.Join(" = ", cumulative);
            }
        }
        return text;
    }

    /// <summary>The columns of one administration row: time, day, drug, route, prescribed, amount, duration, dose n/N, remarks.</summary>
    public static string[] Row(TimelineEntry e)
    {
        var remarks = new List<string>();
        remarks.AddRange(e.Adjustments.Select(a => $"[{a}]"));
        remarks.AddRange(e.Notes.Select(n => $"note: {n}"));
        remarks.Add($"(line {e.Line})");
        return
        [
            TimelineTreeBuilder.Time(e.Time),
            $"day {e.CycleDay}",
            e.Drug,
            string.Join(" or ", e.Routes),
            e.Prescribed,
            $"{Units.Format(e.Amount)} {e.Unit}",
            e.Duration is null ? "" : e.Duration == "24 h" && e.Routes.Contains("CIV") ? "24 h" : $"over {e.Duration}",
            e.DoseNumber is { } n ? $"dose {n}/{e.DoseCount}" : "",
            string.Join(" ", remarks),
        ];
    }
}
