using System.Globalization;
using RegimenLang.Evaluation;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Nodes;

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

    /// <summary>
    /// The heading of a cycle: its phase, name, length and dates, and the dates of its doses (<paramref name="entries"/>) that fall
    /// outside them (days before day 1, an infusion that runs past the last day), so that no heading hides where its doses are.
    /// </summary>
    public static string CycleHeading(CycleInstance c, DateOnly start, IEnumerable<TimelineEntry> entries)
    {
        var first = start.AddDays(c.StartDay);
        var last = start.AddDays(c.StartDay + c.LengthDays - 1);
        string span = $"{TimelineTreeBuilder.Date(first)} to {TimelineTreeBuilder.Date(last)}";
        // The branch that chose the cycle and its open-ended course, so that no heading passes for a fixed plan.
        var plan = new List<string>();
        if (c.Branch is { } branch)
        {
            plan.Add("when " + branch);
        }
        if (c.OpenEnded is { } open)
        {
            plan.Add($"open-ended {open.Repeat}: {open.Describe()}");
        }
        if (c.IsRest)
        {
            return $"{c.Phase}: rest, {c.LengthDays} days ({span}{string.Concat(plan.Select(p => "; " + p))})";
        }
        var outside = new List<string>(plan);
        if (entries.MinBy(e => e.When) is { } earliest && earliest.Date < first)
        {
            outside.Add($"doses from {TimelineTreeBuilder.Date(earliest.Date)}, day {earliest.CycleDay}");
        }
        if (entries.MaxBy(e => e.End) is { } latest && latest.End > last.AddDays(1).ToDateTime(TimeOnly.MinValue))
        {
            outside.Add($"runs until {TimelineTreeBuilder.Date(DateOnly.FromDateTime(latest.End))} {TimelineTreeBuilder.Time(TimeOnly.FromDateTime(latest.End))}");
        }
        string extra = outside.Count == 0 ? "" : "; " + string.Join("; ", outside);
        return $"{c.Phase} {c.PhaseCycle} (plan cycle {c.Cycle}): {c.CycleName}{(c.CycleTitle is null ? "" : $" \"{c.CycleTitle}\"")}, {c.LengthDays} days ({span}{extra})";
    }

    /// <summary>What the totals of a plan with open-ended repeats mean; null for a fixed plan.</summary>
    public static string? OpenEndedNote(Timeline timeline)
    {
        bool cycles = timeline.Cycles.Any(c => c.OpenEnded is not null);
        bool lines = timeline.Entries.Any(e => e.Until is not null);
        string? plan = cycles
            ? "the cycles marked open-ended continue until their event; shown: the expected course (else the shortest, else the longest), and the totals are those of the cycles shown"
            : null;
        string? until = lines
            ? "the administrations marked until continue until their condition is met; shown: the expected days (or the longest, when none are expected), and the totals are those of the days shown"
            : null;
        return plan is null ? until : until is null ? plan : plan + "; " + until;
    }

    /// <summary>Whether the timeline shows an expected course rather than a fixed one (an open-ended repeat, a lab-driven duration).</summary>
    public static bool IsOpenEnded(Timeline timeline) => timeline.Cycles.Any(c => c.OpenEnded is not null) || timeline.Entries.Any(e => e.Until is not null);

    /// <summary>The until mark of an entry (a lab-driven course, or a dose change on an event); null for other entries.</summary>
    public static string? Until(TimelineEntry e) => e.Until?.Describe() ?? e.DoseChange?.Describe();

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

    /// <summary>The heading of the class totals in every writer.</summary>
    public const string ClassTotalsHeading = "Class totals, whole plan";

    /// <summary>What the class totals count, under their heading.</summary>
    public const string ClassTotalsNote = "systemic doses in equivalents of the class's reference drug; a factor no source confirmed is listed, not counted";

    /// <summary>
    /// "anthracycline: 100 mg/m2 doxorubicin-equivalents (184 mg); prior daunorubicin 150 mg/m2 (about 276 mg at today's BSA/weight); with prior
    /// 250 mg/m2 = 460 mg; lifetime limit 550 mg/m2".
    /// </summary>
    public static string ClassTotal(ClassTotal t)
    {
        var plan = new List<string>();
        if (t.Total is { } total) { plan.Add(Amount(total)); }
        if (t.TotalAbsolute is { } absolute) { plan.Add(Amount(absolute)); }
        string text = $"{t.Class}: " + (plan.Count == 0 ? "not computable" : plan[0] + $" {t.EquivalentName}" + (plan.Count > 1 ? $" ({plan[1]})" : ""));
        if (!t.PriorDrugs.IsEmpty)
        {
            string priorAbsolute = t.PriorAbsolute is { } pa ? Amount(pa) : "";
            text += $"; prior {string.Join(", ", t.PriorDrugs)} " + (t.Prior is { } prior
                ? Amount(prior) + (priorAbsolute.Length > 0 ? $" (about {priorAbsolute} at today's BSA/weight)" : "")
                : priorAbsolute.Length > 0 ? $"about {priorAbsolute}" : "in another basis");
            var cumulative = new List<string>();
            if (t.Cumulative is { } c) { cumulative.Add(Amount(c)); }
            if (t.CumulativeAbsolute is { } ca) { cumulative.Add(Amount(ca)); }
            if (cumulative.Count > 0)
            {
                text += "; with prior " + string.Join(" = ", cumulative);
            }
        }
        if (t.Limit is { } limit)
        {
            text += $"; lifetime limit {Amount(limit.Max)}";
        }
        return text;
    }

    /// <summary>"100 mg/m2 at factor 1 = 100 mg/m2 (184 mg; 2 administrations)", or "90 mg/m2 at factor 0.6, unconfirmed: not counted (2 administrations)".</summary>
    public static string ClassContribution(ClassContribution c)
    {
        string count = $"{c.Administrations} {(c.Administrations == 1 ? "administration" : "administrations")}";
        string amount = c.Prescribed is { } p ? Amount(p) : c.Absolute is { } a ? Amount(a) : "an amount in another unit";
        string factor = Units.Format(c.Factor);
        if (!c.Counted)
        {
            return $"{amount} at factor {factor}, unconfirmed: not counted ({count})";
        }
        var equivalents = new List<string>();
        if (c.Equivalent is { } e) { equivalents.Add(Amount(e)); }
        if (c.EquivalentAbsolute is { } ea) { equivalents.Add(Amount(ea)); }
        return $"{amount} at factor {factor} = {equivalents[0]}" + (equivalents.Count > 1 ? $" ({equivalents[1]}; {count})" : $" ({count})");
    }

    /// <summary>
    /// The dose level of each drug that has levels, as the header of a timeline shows it ("irinotecan level -1 (150 mg/m2),
    /// oxaliplatin level 0 (full dose)"); null when the regimen has no levels.
    /// </summary>
    public static string? DoseLevels(Timeline timeline) => timeline.DoseLevels.IsEmpty ? null
        : string.Join(", ", timeline.DoseLevels.Select(l => $"{l.Drug} level {l.Level} ("
            + (l.Omitted ? "omitted: not given" : l.Level == 0 ? "full dose" : l.Value) + ")"));

    /// <summary>
    /// The treatment as given, as the header of a timeline lists it ("cycle 2 started 7 days late (neutropenia)", "irinotecan at
    /// level -1 from cycle 3", "doxorubicin, cycle 2 day 1: 45 mg given"); empty when the patient file records nothing.
    /// </summary>
    public static IReadOnlyList<string> AsGiven(Timeline timeline)
    {
        var record = timeline.Patient.AsGiven;
        var lines = new List<string>();
        static string Why(string? reason) => reason is null ? "" : $" ({reason})";
        foreach (var d in record.Delays.OrderBy(d => d.Cycle))
        {
            lines.Add($"cycle {d.Cycle} started {d.Days} {(d.Days == 1 ? "day" : "days")} late{Why(d.Reason)}");
        }
        foreach (var c in record.Changes.OrderBy(c => c.FromCycle).ThenBy(c => c.Drug, StringComparer.Ordinal))
        {
            lines.Add(c.Stop ? $"{c.Drug} stopped from cycle {c.FromCycle}{Why(c.Reason)}" : $"{c.Drug} at level {c.Level} from cycle {c.FromCycle}{Why(c.Reason)}");
        }
        foreach (var g in record.Doses.OrderBy(g => g.Cycle).ThenBy(g => g.Day).ThenBy(g => g.Drug, StringComparer.Ordinal))
        {
            lines.Add($"{g.Drug}, cycle {g.Cycle} day {g.Day}: {(g.Amount is { } amount ? amount + " given" : "not given")}{Why(g.Reason)}");
        }
        if (record.AsOf is { } asOf)
        {
            lines.Add($"as of {Date(asOf)}: administrations up to that day are marked given, later ones planned");
        }
        return lines;
    }

    /// <summary>The columns of one administration row: time, day, drug, route, prescribed, amount, duration, dose n/N, remarks.</summary>
    /// <summary>An order's row: time, day, "order: text", then its timing, notes and line.</summary>
    public static string[] OrderRow(TimelineOrder o)
    {
        var remarks = new List<string>();
        if (Anchor(o.Anchor) is { } anchor)
        {
            remarks.Add(anchor);
        }
        remarks.AddRange(o.Notes.Select(n => $"note: {n}"));
        remarks.Add($"(line {o.Line})");
        return [TimelineTreeBuilder.Time(o.Time), $"day {o.CycleDay}", "order: " + o.Text, string.Join(" ", remarks)];
    }

    public static string[] Row(TimelineEntry e)
    {
        var remarks = new List<string>();
        if (Anchor(e) is { } anchor)
        {
            remarks.Add(anchor);
        }
        if (e.DividedInto is { } parts)
        {
            remarks.Add($"1/{parts} of the day's dose");
        }
        if (e.RampStep is { } step)
        {
            remarks.Add($"ramp step {step}");
        }
        if (e.AsNeeded is { } prn)
        {
            remarks.Add($"as needed: {prn.Reason}" + (prn.MaxPerDay is { } max ? $", at most {max} a day" : "") + " (not in totals)");
        }
        if (Until(e) is { } until)
        {
            remarks.Add(until);
        }
        if (e.DoseLevel is { } level and not 0)
        {
            remarks.Add($"dose level {level}");
        }
        if (e.DurationMinutes is > Evaluation.Schedule.MinutesPerDay || (e.DurationMinutes is { } minutes && e.Infusion.Kind == InfusionKind.Over && e.End.Date != e.When.Date))
        {
            remarks.Add($"until {TimelineTreeBuilder.Date(DateOnly.FromDateTime(e.End))} {TimelineTreeBuilder.Time(TimeOnly.FromDateTime(e.End))}");
        }
        if (Status(e) is { } status)
        {
            remarks.Add(status);
        }
        remarks.AddRange(e.Adjustments.Select(a => $"[{Adjustment(a)}]"));
        remarks.AddRange(e.Notes.Select(n => $"note: {n}"));
        remarks.Add($"(line {e.Line})");
        return
        [
            TimelineTreeBuilder.Time(e.Time),
            $"day {e.CycleDay}",
            e.Drug,
            Routes(e),
            Prescribed(e),
            $"{Units.Format(e.Amount)} {Unit(e)}",
            e.Infusion.Kind switch
            {
                InfusionKind.Continuous => Duration(e)!,
                InfusionKind.Over => "over " + Duration(e),
                _ => "",
            },
            e.DoseNumber is { } n ? $"dose {n}/{e.DoseCount}" : "",
            string.Join(" ", remarks),
        ];
    }

    /// <summary>What the administration was timed from, as written: "30 min before rituximab", "after mtx-load ends".</summary>
    public static string? Anchor(TimelineEntry e) => Anchor(e.Anchor);

    /// <summary>The timing as it reads, with the edge made explicit: "24 h after mtx starts".</summary>
    public static string? Anchor(EntryAnchor? anchor) => anchor is not { } a ? null
        : (a.Offset is { } offset ? $"{offset.Amount.Text} {offset.UnitText.ToLowerInvariant()} " : "")
            + (a.Relation == TimingRelation.Before ? "before " : "after ")
            + (a.Label ?? a.Drug)
            + (a.Edge == AnchorEdge.Starts ? " starts" : " ends");

    /// <summary>"IV or PO".</summary>
    public static string Routes(TimelineEntry e) => string.Join(" or ", e.Routes);

    /// <summary>The dose as written, e.g. "150 mg/m2".</summary>
    public static string Prescribed(TimelineEntry e) => e.Prescribed.ToString()!;

    public static string Unit(TimelineEntry e) => DoseUnit.CanonicalMass(e.Unit);

    /// <summary>How long the entry runs, as written ("3 h", "30 min"); "24 h" for a continuous infusion's day; null when given at once.</summary>
    public static string? Duration(TimelineEntry e) => e.Infusion.Kind switch
    {
        InfusionKind.Continuous => "24 h",
        InfusionKind.Over => $"{e.Infusion.Duration!.Amount.Text} {e.Infusion.Duration.UnitText}",
        _ => null,
    };

    /// <summary>What changed the dose, in words: "capped at 2 mg from 3.22 mg".</summary>
    public static string Adjustment(DoseAdjustment adjustment) => adjustment switch
    {
        Rounded r => $"rounded to a multiple of {r.Step} from {Units.Format(r.From)} {DoseUnit.CanonicalMass(r.Unit)}{(r.PerDay ? "/day" : "")}",
        Capped c => $"capped at {c.Limit} from {Units.Format(c.From)} {DoseUnit.CanonicalMass(c.Unit)}{(c.PerDay ? "/day" : "")}",
        GfrCapped g => $"GFR capped at {Units.Format(g.Cap)} mL/min (crcl {Units.Format(g.Crcl)})",
        _ => throw new ArgumentOutOfRangeException(nameof(adjustment)),
    };

    /// <summary>"given", "planned", "given (recorded amount)" or "recorded amount"; null when the patient file records nothing of the entry.</summary>
    public static string? Status(TimelineEntry e) => (e.Status, e.Recorded) switch
    {
        (EntryStatus.Given, true) => "given (recorded amount)",
        (EntryStatus.Given, false) => "given",
        (EntryStatus.Planned, _) => "planned",
        (null, true) => "recorded amount",
        _ => null,
    };
}
