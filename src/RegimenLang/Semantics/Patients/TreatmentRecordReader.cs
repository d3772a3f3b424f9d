using System.Collections.Immutable;
using System.Globalization;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Yaml.Dto;

namespace RegimenLang.Semantics.Patients;

/// <summary>
/// Reads <c>given:</c> of a patient file into a <see cref="TreatmentRecord"/> (drug names as written), reporting every value
/// that cannot be read (RL6031, RL6002 for the date) at its line and column; an entry with a problem is left out.
/// </summary>
public static class TreatmentRecordReader
{
    /// <summary>The longest delay of one cycle that is read: a year.</summary>
    public const int MaxDelayDays = 365;

    /// <summary>The highest cycle number read: a laid-out plan has at most 1,000 cycles (PlanLayout.MaxCycleInstances).</summary>
    public const int MaxCycle = 1000;

    public static TreatmentRecord Read(TreatmentRecordDto dto, Func<object[], ValueOrigin> at, DiagnosticBag diagnostics)
    {
        var reader = new Reader(at, diagnostics);
        DateOnly? asOf = null;
        if (dto.AsOf is { } text)
        {
            var (date, problem) = CalendarValues.Date("asOf", text);
            if (problem is null)
            {
                asOf = date;
            }
            else
            {
                diagnostics.Add(problem.ToDiagnostic(at(["given", "asOf"]).Span));
            }
        }

        var delays = ImmutableArray.CreateBuilder<CycleDelay>();
        for (int i = 0; i < (dto.Delays?.Count ?? 0); i++)
        {
            if (dto.Delays![i] is not { } d)
            {
                continue;
            }
            object[] path = ["given", "delays", i];
            int? cycle = reader.Number(d.Cycle, "the cycle of a delay", 1, MaxCycle, path, "cycle");
            int? days = reader.Number(d.Days, "the days of a delay", 1, MaxDelayDays, path, "days");
            if (cycle is { } c && days is { } n)
            {
                delays.Add(new CycleDelay(c, n, Text(d.Reason), reader.Origin(path)));
            }
        }

        var changes = ImmutableArray.CreateBuilder<DrugChange>();
        for (int i = 0; i < (dto.Changes?.Count ?? 0); i++)
        {
            if (dto.Changes![i] is not { } d)
            {
                continue;
            }
            object[] path = ["given", "changes", i];
            string? drug = reader.Required(d.Drug, "a change", "drug", path);
            int? cycle = reader.Number(d.FromCycle, "the first cycle of a change", 1, MaxCycle, path, "fromCycle");
            int? level = d.Level is null ? null : reader.Number(d.Level, "a dose level", -100, 100, path, "level");
            bool stop = d.Stop?.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) == true;
            if (d.Stop is { } s && !stop && !s.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(PatientProblems.FlagValue("stop", s).ToDiagnostic(at([.. path, "stop"]).Span));
                continue;
            }
            if (drug is null || cycle is not { } from || (d.Level is not null && level is null))
            {
                continue;
            }
            if ((level is null) == !stop)
            {
                diagnostics.Add(Diagnose.RecordLevelOrStop(at(path).Span, drug, from));
                continue;
            }
            changes.Add(new DrugChange(drug, from, level, stop, Text(d.Reason), reader.Origin(path)));
        }

        var doses = ImmutableArray.CreateBuilder<GivenDose>();
        for (int i = 0; i < (dto.Doses?.Count ?? 0); i++)
        {
            if (dto.Doses![i] is not { } d)
            {
                continue;
            }
            object[] path = ["given", "doses", i];
            string? drug = reader.Required(d.Drug, "a dose", "drug", path);
            int? cycle = reader.Number(d.Cycle, "the cycle of a dose", 1, MaxCycle, path, "cycle");
            int? day = reader.Number(d.Day, "the day of a dose", -365, 3650, path, "day");
            string? given = reader.Required(d.Given, "a dose", "given", path);
            AmountDose? amount = null;
            bool read = given is not null;
            if (given is not null && !given.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                if (QuantityText.TryParseDose(given.Trim(), out var dose, out _) && dose is { Unit.Basis: DoseBasis.Flat, Unit.Rate: DoseRate.None })
                {
                    amount = dose;
                }
                else
                {
                    diagnostics.Add(Diagnose.RecordNotAnAmount(at([.. path, "given"]).Span, given));
                    read = false;
                }
            }
            if (drug is not null && cycle is { } c && day is { } n && read)
            {
                doses.Add(new GivenDose(drug, c, n, amount, Text(d.Reason), reader.Origin(path)));
            }
        }
        return new TreatmentRecord(delays.ToImmutable(), changes.ToImmutable(), doses.ToImmutable(), asOf);
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class Reader(Func<object[], ValueOrigin> at, DiagnosticBag diagnostics)
    {
        public RecordOrigin Origin(object[] path)
        {
            var origin = at(path);
            return new RecordOrigin(origin.File, origin.Line, origin.Column);
        }

        public int? Number(string? text, string what, int low, int high, object[] path, string key)
        {
            if (text is null)
            {
                diagnostics.Add(Diagnose.RecordMissingKey(at(path).Span, $"{Article(what)}", key));
                return null;
            }
            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= low && value <= high)
            {
                return value;
            }
            diagnostics.Add(Diagnose.RecordNumber(at([.. path, key]).Span, what, low, high, text));
            return null;
        }

        public string? Required(string? text, string entry, string key, object[] path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                diagnostics.Add(Diagnose.RecordMissingKey(at(path).Span, entry, key));
                return null;
            }
            return text.Trim();
        }

        // "the cycle of a delay" names the entry: "a delay" needs 'cycle'.
        private static string Article(string what) => what[(what.IndexOf(" of ", StringComparison.Ordinal) is int i and >= 0 ? i + 4 : 0)..];
    }
}
