using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RegimenLang.Output;

/// <summary>
/// Reads back what <see cref="TimelineTableWriter"/> wrote (a golden <c>X.timeline.txt</c>) as a <see cref="TimelineDigest"/>,
/// so that <c>regimen snapshot</c> can say what changed for the patient above its line diff. Only the parts the writer
/// always prints are read: the first six columns of a row (time, day, drug, route, prescribed, amount) are never empty
/// and never hold two spaces in a row, and a duration is the next column when it reads as one. Lines it does not
/// recognise are skipped: a hand-edited golden file gives a poorer summary, never an error (the line diff still shows it).
/// </summary>
public static partial class TimelineTableReader
{
    public static TimelineDigest Read(string table)
    {
        string patient = "";
        string start = "";
        string? cycle = null;
        DateOnly? date = null;
        var administrations = ImmutableArray.CreateBuilder<DigestAdministration>();
        var cycleTotals = ImmutableArray.CreateBuilder<DigestTotal>();
        var planTotals = ImmutableArray.CreateBuilder<DigestTotal>();
        var section = Section.Header;
        string? totalsCycle = null;

        foreach (string line in table.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (section == Section.Header && line.StartsWith("patient: ", StringComparison.Ordinal))
            {
                patient = line["patient: ".Length..];
                continue;
            }
            if (section == Section.Header && line.StartsWith("start: ", StringComparison.Ordinal))
            {
                start = line["start: ".Length..].Split(' ')[0];
                continue;
            }
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                section = Section.Cycles;
                var heading = CycleHeading().Match(line);
                cycle = heading.Success ? heading.Groups["label"].Value : null;
                date = null;
                continue;
            }
            if (line == "Totals per cycle")
            {
                section = Section.CycleTotals;
                continue;
            }
            if (line == "Cumulative, whole plan")
            {
                section = Section.PlanTotals;
                continue;
            }
            if (line.StartsWith(TimelineText.ClassTotalsHeading, StringComparison.Ordinal))
            {
                // Class totals repeat the drugs' amounts in equivalents: no drug total of their own.
                section = Section.ClassTotals;
                continue;
            }
            switch (section)
            {
                case Section.Cycles when DateLine().Match(line) is { Success: true } d:
                    date = DateOnly.ParseExact(d.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case Section.Cycles when cycle is not null && date is { } day && line.StartsWith("    ", StringComparison.Ordinal):
                    if (Row(line, day, cycle) is { } administration)
                    {
                        administrations.Add(administration);
                    }
                    break;
                case Section.CycleTotals when line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal):
                    totalsCycle = line.Trim();
                    break;
                case Section.CycleTotals when totalsCycle is not null && Total(line, totalsCycle) is { } total:
                    cycleTotals.Add(total);
                    break;
                case Section.PlanTotals when Total(line, null) is { } total:
                    planTotals.Add(total);
                    break;
            }
        }
        return new TimelineDigest(patient + (start.Length > 0 ? $"; start {start}" : ""), administrations.ToImmutable(), cycleTotals.ToImmutable(),
            planTotals.ToImmutable(), null);
    }

    private enum Section
    {
        Header,
        Cycles,
        CycleTotals,
        PlanTotals,
        ClassTotals,
    }

    private static DigestAdministration? Row(string line, DateOnly date, string cycle)
    {
        string[] fields = Columns().Split(line.Trim());
        if (fields.Length < 6
            || !TimeOnly.TryParseExact(fields[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !fields[1].StartsWith("day ", StringComparison.Ordinal)
            || !int.TryParse(fields[1].AsSpan(4), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int day)
            || fields[2].StartsWith("order: ", StringComparison.Ordinal)) // an order is no administration
        {
            return null;
        }
        string duration = fields.Length > 6 && DurationColumn().IsMatch(fields[6]) ? fields[6] : "";
        return new DigestAdministration(date, time, cycle, day, fields[2], fields[3], fields[4], fields[5], duration);
    }

    private static DigestTotal? Total(string line, string? cycle)
    {
        if (!line.StartsWith("    ", StringComparison.Ordinal))
        {
            return null;
        }
        string[] parts = Columns().Split(line.Trim(), 2);
        if (parts.Length != 2)
        {
            return null;
        }
        var absolute = AbsoluteTotal().Match(parts[1]);
        var count = AdministrationCount().Match(parts[1]);
        return new DigestTotal(cycle, parts[0], absolute.Success ? absolute.Value : parts[1],
            count.Success ? int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture) : 0, parts[1]);
    }

    // "== induction 1 (plan cycle 1): blin-step "Cycle 1", 42 days (...)" gives "induction 1 (plan cycle 1)"; a rest has no label.
    [GeneratedRegex(@"^== (?<label>.+? \d+ \(plan cycle \d+\)): ")]
    private static partial Regex CycleHeading();

    [GeneratedRegex(@"^  (?<date>\d{4}-\d{2}-\d{2}) \w+ \(plan day -?\d+\)$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();

    [GeneratedRegex(@"^(over \S+ \S+|24 h)$")]
    private static partial Regex DurationColumn();

    [GeneratedRegex(@"^\S+ \S+")]
    private static partial Regex AbsoluteTotal();

    [GeneratedRegex(@"(?<n>\d+) administrations?\)")]
    private static partial Regex AdministrationCount();
}
