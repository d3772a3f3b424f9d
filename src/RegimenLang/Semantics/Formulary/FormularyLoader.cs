using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Yaml;
using RegimenLang.Yaml.Dto;
using YamlDotNet.Core;

namespace RegimenLang.Semantics.Formulary;

/// <summary>Reads formulary YAML strictly: every problem is a diagnostic at its YAML line and column.</summary>
public static partial class FormularyLoader
{
    public const string EmbeddedName = "RegimenLang.formulary.yaml";
    public const string EmbeddedPath = "<built-in formulary>";

    private static readonly Lazy<(DrugFormulary Formulary, IReadOnlyList<Diagnostic> Diagnostics)> s_builtIn = new(LoadBuiltIn);

    /// <summary>The formulary shipped inside the tool.</summary>
    public static DrugFormulary BuiltIn => s_builtIn.Value.Formulary;

    /// <summary>Problems in the shipped formulary (a test keeps this empty).</summary>
    public static IReadOnlyList<Diagnostic> BuiltInDiagnostics => s_builtIn.Value.Diagnostics;

    public static string ReadBuiltInText()
    {
        using var stream = typeof(FormularyLoader).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The built-in formulary resource {EmbeddedName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static (DrugFormulary, IReadOnlyList<Diagnostic>) LoadBuiltIn()
    {
        var bag = new DiagnosticBag(EmbeddedPath);
        var drugs = Load(EmbeddedPath, ReadBuiltInText(), bag);
        return (new DrugFormulary(drugs), bag.Sorted());
    }

    /// <summary>The built-in formulary extended by <paramref name="files"/> in order (later entries override earlier ones).</summary>
    public static DrugFormulary LoadWithOverrides(IEnumerable<(string Path, string Text)> files, DiagnosticBag diagnostics)
    {
        var drugs = new List<DrugEntry>(BuiltIn.Drugs);
        foreach (var (path, text) in files)
        {
            var bag = new DiagnosticBag(path);
            drugs.AddRange(Load(path, text, bag));
            diagnostics.AddRange(bag.Items);
        }
        return new DrugFormulary(drugs);
    }

    public static ImmutableArray<DrugEntry> Load(string path, string text, DiagnosticBag diagnostics)
    {
        var read = YamlInput.Read<FormularyFileDto>(text);
        if (read.TooLarge)
        {
            diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidFormulary, new SourceSpan(0, 0, 1, 1),
                new YamlProblem(YamlProblemKind.TooLarge, "a formulary", Detail: YamlInput.MaxExpandedNodes.ToString("#,0", CultureInfo.InvariantCulture))));
            return [];
        }
        if (read.Error is { } e)
        {
            var (line, column, problem) = YamlErrors.Describe(e, "a formulary", KnownKeys(e), "2 mg or \"FDA prescribing information\"");
            diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidFormulary, new SourceSpan(0, 0, line, column), problem));
            return [];
        }
        var file = read.Value;
        var positions = read.Positions;
        if (file?.Drugs is null)
        {
            diagnostics.Add(Diagnose.FormularyWithoutDrugs(new SourceSpan(0, 0, 1, 1)));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<DrugEntry>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < file.Drugs.Count; i++)
        {
            if (file.Drugs[i] is not { } drug)
            {
                var (line, column) = positions.Find("drugs", i);
                diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidFormulary, new SourceSpan(0, 0, line, column),
                    new YamlProblem(YamlProblemKind.EmptyItem, "a formulary", "drugs", Detail: (i + 1).ToString(CultureInfo.InvariantCulture))));
                continue;
            }
            var entry = new EntryReader(path, positions, diagnostics, i).Read(drug, seen);
            if (entry is not null)
            {
                result.Add(entry);
            }
        }
        return result.ToImmutable();
    }

    private static IReadOnlyList<string> KnownKeys(YamlException e)
    {
        string message = e.InnerException?.Message ?? e.Message;
        return message switch
        {
            _ when message.Contains(nameof(ForbiddenRouteDto), StringComparison.Ordinal) => ["route", "reason", "source"],
            _ when message.Contains(nameof(LimitDto), StringComparison.Ordinal) => ["per", "max", "route", "note", "source"],
            _ when message.Contains(nameof(UsualDoseDto), StringComparison.Ordinal) => ["dose", "route", "source"],
            _ when message.Contains(nameof(DrugDto), StringComparison.Ordinal) =>
                ["name", "aliases", "class", "routes", "source", "notes", "forbiddenRoutes", "limits", "usual",
                 "minIntervalDays", "minIntervalSource", "treatmentFreeDays", "treatmentFreeSource"],
            _ => ["drugs"],
        };
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_-]*|[0-9]+-[A-Za-z][A-Za-z0-9_-]*)$")]
    private static partial Regex NamePattern();

    /// <summary>Reads one drug entry, reporting at the YAML position of each bad value.</summary>
    private sealed class EntryReader(string path, YamlPositions positions, DiagnosticBag diagnostics, int index)
    {
        private bool _ok = true;

        private FormularyLocation At(params object[] subPath)
        {
            var (line, column) = positions.Find([.. (object[])["drugs", index], .. subPath]);
            return new FormularyLocation(path, line, column);
        }

        private SourceSpan Span(params object[] subPath)
        {
            var at = At(subPath);
            return new SourceSpan(0, 0, at.Line, at.Column);
        }

        private void Error(Diagnostic diagnostic)
        {
            diagnostics.Add(diagnostic);
            _ok = false;
        }

        public DrugEntry? Read(DrugDto dto, Dictionary<string, string> seen)
        {
            string name = dto.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                Error(Diagnose.DrugWithoutName(Span()));
                return null;
            }
            string label = $"drug '{name}'";
            if (!NamePattern().IsMatch(name))
            {
                Error(Diagnose.BadDrugName(Span("name"), name));
            }
            CheckUnique(name, name, seen, "name");

            var aliases = ImmutableArray.CreateBuilder<string>();
            for (int a = 0; a < (dto.Aliases?.Count ?? 0); a++)
            {
                if (dto.Aliases![a] is not { } written)
                {
                    EmptyItem("aliases", a);
                    continue;
                }
                string alias = written.Trim();
                if (!NamePattern().IsMatch(alias))
                {
                    Error(Diagnose.BadAlias(Span("aliases", a), name, alias));
                    continue;
                }
                CheckUnique(alias, name, seen, "aliases", a);
                aliases.Add(alias);
            }

            var routes = ImmutableArray.CreateBuilder<Route>();
            if (dto.Routes is null || dto.Routes.Count == 0)
            {
                Error(Diagnose.DrugWithoutRoutes(Span(), name));
            }
            for (int r = 0; r < (dto.Routes?.Count ?? 0); r++)
            {
                if (ParseRoute(dto.Routes![r], name, "routes", r) is { } route)
                {
                    routes.Add(route);
                }
            }

            string source = RequireSource(dto.Source, label);
            if (string.IsNullOrWhiteSpace(dto.Class))
            {
                Error(Diagnose.DrugWithoutClass(Span(), name));
            }

            var forbidden = ImmutableArray.CreateBuilder<ForbiddenRoute>();
            for (int f = 0; f < (dto.ForbiddenRoutes?.Count ?? 0); f++)
            {
                if (dto.ForbiddenRoutes![f] is not { } item)
                {
                    EmptyItem("forbiddenRoutes", f);
                    continue;
                }
                var route = ParseRoute(item.Route, name, "forbiddenRoutes", f, "route");
                string reason = item.Reason?.Trim() ?? "";
                if (reason.Length == 0)
                {
                    Error(Diagnose.ForbiddenRouteWithoutReason(Span("forbiddenRoutes", f), name));
                }
                string itemSource = RequireSource(item.Source, $"{label}, forbidden route", "forbiddenRoutes", f);
                if (route is { } r && routes.Contains(r))
                {
                    Error(Diagnose.RouteBothAllowedAndForbidden(Span("forbiddenRoutes", f, "route"), name, r.ToString()));
                }
                if (route is { } ok)
                {
                    forbidden.Add(new ForbiddenRoute(ok, reason, itemSource, At("forbiddenRoutes", f)));
                }
            }

            var limits = ImmutableArray.CreateBuilder<DoseLimit>();
            for (int l = 0; l < (dto.Limits?.Count ?? 0); l++)
            {
                if (dto.Limits![l] is not { } item)
                {
                    EmptyItem("limits", l);
                    continue;
                }
                LimitPer? per = item.Per?.Trim().ToLowerInvariant() switch
                {
                    "administration" or "dose" => LimitPer.Administration,
                    "day" => LimitPer.Day,
                    "cycle" => LimitPer.Cycle,
                    "lifetime" => LimitPer.Lifetime,
                    _ => null,
                };
                if (per is null)
                {
                    Error(Diagnose.BadLimitScope(Span("limits", l, "per"), name, item.Per));
                }
                var max = ParseDose(item.Max, name, "limits", l, "max");
                var route = item.Route is null ? null : ParseRoute(item.Route, name, "limits", l, "route");
                string itemSource = RequireSource(item.Source, $"{label}, limit", "limits", l);
                if (per is { } p && max is not null)
                {
                    limits.Add(new DoseLimit(p, max, route, item.Note, itemSource, At("limits", l)));
                }
            }

            var usual = ImmutableArray.CreateBuilder<UsualDose>();
            for (int u = 0; u < (dto.Usual?.Count ?? 0); u++)
            {
                if (dto.Usual![u] is not { } item)
                {
                    EmptyItem("usual", u);
                    continue;
                }
                var dose = ParseDose(item.Dose, name, "usual", u, "dose");
                var route = item.Route is null ? null : ParseRoute(item.Route, name, "usual", u, "route");
                string itemSource = RequireSource(item.Source, $"{label}, usual dose", "usual", u);
                if (dose is not null)
                {
                    usual.Add(new UsualDose(dose, route, itemSource, At("usual", u)));
                }
            }

            int? minInterval = ParseDays(dto.MinIntervalDays, dto.MinIntervalSource, name, "minIntervalDays", "minIntervalSource");
            int? treatmentFree = ParseDays(dto.TreatmentFreeDays, dto.TreatmentFreeSource, name, "treatmentFreeDays", "treatmentFreeSource");

            return _ok
                ? new DrugEntry(name, aliases.ToImmutable(), dto.Class!.Trim(), routes.ToImmutable(), source, dto.Notes,
                    forbidden.ToImmutable(), limits.ToImmutable(), usual.ToImmutable(),
                    minInterval, dto.MinIntervalSource, treatmentFree, dto.TreatmentFreeSource, At())
                : null;
        }

        /// <summary>An empty item of one of the entry's lists (a bare '-'): reported where it is, as an empty drug entry is.</summary>
        private void EmptyItem(string list, int index) =>
            Error(Diagnose.Yaml(DiagnosticCatalog.InvalidFormulary, Span(list, index),
                new YamlProblem(YamlProblemKind.EmptyItem, "a formulary", list, Detail: (index + 1).ToString(CultureInfo.InvariantCulture))));

        private void CheckUnique(string word, string owner, Dictionary<string, string> seen, params object[] subPath)
        {
            if (seen.TryGetValue(word, out var other) && !string.Equals(other, owner, StringComparison.OrdinalIgnoreCase))
            {
                Error(Diagnose.NameTaken(Span(subPath), word, other));
            }
            else
            {
                seen[word] = owner;
            }
        }

        private Route? ParseRoute(string? text, string drug, params object[] subPath)
        {
            if (text is not null && Enum.TryParse<Route>(text.Trim(), ignoreCase: true, out var route) && !char.IsAsciiDigit(text.Trim()[0]))
            {
                return route;
            }
            Error(Diagnose.NotARoute(Span(subPath), drug, text));
            return null;
        }

        private AmountDose? ParseDose(string? text, string drug, params object[] subPath)
        {
            if (text is not null && QuantityText.TryParseDose(text.Trim(), out var dose, out _))
            {
                return dose;
            }
            Error(Diagnose.NotADose(Span(subPath), drug, text));
            return null;
        }

        private string RequireSource(string? source, string label, params object[] subPath)
        {
            if (string.IsNullOrWhiteSpace(source))
            {
                Error(Diagnose.MissingFormularySource(Span(subPath), label));
                return "";
            }
            return source.Trim();
        }

        private int? ParseDays(string? days, string? source, string drug, string key, string sourceKey)
        {
            if (days is null)
            {
                if (source is not null)
                {
                    Error(Diagnose.SourceWithoutValue(Span(sourceKey), drug, key, sourceKey));
                }
                return null;
            }
            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > 3650)
            {
                Error(Diagnose.BadDays(Span(key), drug, key, days));
                return null;
            }
            if (string.IsNullOrWhiteSpace(source))
            {
                Error(Diagnose.ValueWithoutSource(Span(key), drug, key, sourceKey));
            }
            return value;
        }
    }
}
