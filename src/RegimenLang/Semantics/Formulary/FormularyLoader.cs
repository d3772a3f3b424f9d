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
    /// <summary>What one formulary file holds.</summary>
    public sealed record FormularyFile(ImmutableArray<DrugEntry> Drugs, ImmutableArray<DrugClass> Classes);

    public const string EmbeddedName = "RegimenLang.formulary.yaml";
    public const string EmbeddedPath = "<built-in formulary>";

    private static readonly Lazy<(DrugFormulary Formulary, IReadOnlyList<Diagnostic> Diagnostics)> s_fromYaml = new(LoadBuiltInYaml);
    private static Lazy<DrugFormulary>? s_compiled;

    /// <summary>
    /// The formulary shipped inside the tool: the copy the build compiled from formulary.yaml when the host installed it
    /// (<see cref="UseCompiledBuiltIn"/>; the command line does), so that start-up parses no YAML; otherwise the embedded
    /// YAML, read once on first use (library users, the loader's own tests). A test keeps the two equal.
    /// </summary>
    public static DrugFormulary BuiltIn => Volatile.Read(ref s_compiled)?.Value ?? s_fromYaml.Value.Formulary;

    /// <summary>Problems in the shipped formulary: none for the compiled copy (the build fails instead); a test keeps the YAML's empty.</summary>
    public static IReadOnlyList<Diagnostic> BuiltInDiagnostics => Volatile.Read(ref s_compiled) is not null ? [] : s_fromYaml.Value.Diagnostics;

    /// <summary>
    /// Makes <see cref="BuiltIn"/> the formulary <paramref name="compiled"/> builds (made on first use): the build-time copy
    /// of the YAML in RegimenLang.Formulary.BuiltIn, which lies above this library and so has to be handed in.
    /// </summary>
    public static void UseCompiledBuiltIn(Func<DrugFormulary> compiled) =>
        Volatile.Write(ref s_compiled, new Lazy<DrugFormulary>(compiled));

    public static string ReadBuiltInText()
    {
        using var stream = typeof(FormularyLoader).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The built-in formulary resource {EmbeddedName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The built-in formulary read afresh from the embedded YAML: what the build compiles, and what the compiled copy must equal.</summary>
    public static (DrugFormulary Formulary, IReadOnlyList<Diagnostic> Diagnostics) LoadBuiltInYaml()
    {
        var bag = new DiagnosticBag(EmbeddedPath);
        var file = LoadFile(EmbeddedPath, ReadBuiltInText(), bag);
        return (new DrugFormulary(file.Drugs, file.Classes), bag.Sorted());
    }

    /// <summary>The built-in formulary extended by <paramref name="files"/> in order (later entries override earlier ones).</summary>
    public static DrugFormulary LoadWithOverrides(IEnumerable<(string Path, string Text)> files, DiagnosticBag diagnostics)
    {
        var drugs = new List<DrugEntry>(BuiltIn.Drugs);
        var classes = new List<DrugClass>(BuiltIn.Classes);
        foreach (var (path, text) in files)
        {
            var bag = new DiagnosticBag(path);
            var file = LoadFile(path, text, bag, new DrugFormulary(drugs, classes));
            drugs.AddRange(file.Drugs);
            classes.AddRange(file.Classes);
            diagnostics.AddRange(bag.Items);
        }
        return new DrugFormulary(drugs, classes);
    }

    public static ImmutableArray<DrugEntry> Load(string path, string text, DiagnosticBag diagnostics) =>
        LoadFile(path, text, diagnostics).Drugs;

    /// <summary>
    /// One formulary file: its drugs and classes. Names a drug refers to (companions, interactions, class references) must be
    /// drugs of this file or of <paramref name="known"/> (the formulary it extends); classes likewise.
    /// </summary>
    public static FormularyFile LoadFile(string path, string text, DiagnosticBag diagnostics, DrugFormulary? known = null)
    {
        var drugs = ReadDrugs(path, text, diagnostics, out var classes, out var positions);
        if (drugs.IsDefault)
        {
            return new FormularyFile([], []);
        }
        var names = new HashSet<string>(known?.AllNames ?? [], StringComparer.OrdinalIgnoreCase);
        foreach (var drug in drugs)
        {
            names.Add(drug.Name);
            names.UnionWith(drug.Aliases);
        }
        var classNames = new HashSet<string>(known?.Classes.Select(c => c.Name) ?? [], StringComparer.OrdinalIgnoreCase);
        classNames.UnionWith(classes.Select(c => c.Name));
        var ok = ImmutableArray.CreateBuilder<DrugEntry>();
        foreach (var drug in drugs)
        {
            bool fine = true;
            void Report(Diagnostic d)
            {
                diagnostics.Add(d);
                fine = false;
            }
            SourceSpan At(FormularyLocation l) => new(0, 0, l.Line, l.Column);
            foreach (var companion in drug.Companions)
            {
                foreach (var name in companion.AnyOf.Where(n => !names.Contains(n)))
                {
                    Report(Diagnose.UnknownFormularyDrug(At(companion.Location), drug.Name, "companions", name));
                }
            }
            foreach (var interaction in drug.Interactions)
            {
                foreach (var name in interaction.AnyOf.Where(n => !names.Contains(n)))
                {
                    Report(Diagnose.UnknownFormularyDrug(At(interaction.Location), drug.Name, "interactions", name));
                }
            }
            foreach (var equivalent in drug.ClassEquivalents.Where(e => !classNames.Contains(e.Class)))
            {
                Report(Diagnose.UnknownFormularyClass(At(equivalent.Location), drug.Name, equivalent.Class));
            }
            if (fine)
            {
                ok.Add(drug);
            }
        }
        var okClasses = ImmutableArray.CreateBuilder<DrugClass>();
        foreach (var drugClass in classes)
        {
            if (names.Contains(drugClass.Reference))
            {
                okClasses.Add(drugClass);
            }
            else
            {
                diagnostics.Add(Diagnose.UnknownFormularyDrug(new SourceSpan(0, 0, drugClass.Location.Line, drugClass.Location.Column),
                    $"class {drugClass.Name}", "reference", drugClass.Reference));
            }
        }
        return new FormularyFile(ok.ToImmutable(), okClasses.ToImmutable());
    }

    private static ImmutableArray<DrugEntry> ReadDrugs(string path, string text, DiagnosticBag diagnostics, out ImmutableArray<DrugClass> classes,
        out YamlPositions positions)
    {
        classes = [];
        positions = YamlPositions.Empty;
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
        positions = read.Positions;
        if (file?.Drugs is null)
        {
            diagnostics.Add(Diagnose.FormularyWithoutDrugs(new SourceSpan(0, 0, 1, 1)));
            return [];
        }

        var classList = ImmutableArray.CreateBuilder<DrugClass>();
        for (int c = 0; c < (file.Classes?.Count ?? 0); c++)
        {
            if (file.Classes![c] is not { } item)
            {
                var (line, column) = positions.Find("classes", c);
                diagnostics.Add(Diagnose.Yaml(DiagnosticCatalog.InvalidFormulary, new SourceSpan(0, 0, line, column),
                    new YamlProblem(YamlProblemKind.EmptyItem, "a formulary", "classes", Detail: (c + 1).ToString(CultureInfo.InvariantCulture))));
                continue;
            }
            if (new EntryReader(path, positions, diagnostics, c, "classes").ReadClass(item) is { } drugClass)
            {
                classList.Add(drugClass);
            }
        }
        classes = classList.ToImmutable();

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
            var entry = new EntryReader(path, positions, diagnostics, i, "drugs").Read(drug, seen);
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
            _ when message.Contains(nameof(ForbiddenRouteDto), StringComparison.Ordinal) => ["route", "reason", "source", "unconfirmed"],
            _ when message.Contains(nameof(LimitDto), StringComparison.Ordinal) => ["per", "max", "route", "when", "note", "source", "unconfirmed"],
            _ when message.Contains(nameof(UsualDoseDto), StringComparison.Ordinal) => ["dose", "route", "low", "high", "context", "source", "unconfirmed"],
            _ when message.Contains(nameof(DrugClassDto), StringComparison.Ordinal) => ["name", "reference", "members", "limits"],
            _ when message.Contains(nameof(IntervalDto), StringComparison.Ordinal) => ["minDays", "route", "minDose", "reason", "source", "unconfirmed"],
            _ when message.Contains(nameof(CompanionDto), StringComparison.Ordinal) =>
                ["anyOf", "timing", "from", "to", "route", "minDose", "companionDose", "optional", "reason", "source", "unconfirmed"],
            _ when message.Contains(nameof(ClassEquivalentDto), StringComparison.Ordinal) => ["class", "factor", "source", "unconfirmed"],
            _ when message.Contains(nameof(InteractionDto), StringComparison.Ordinal) => ["anyOf", "effect", "note", "source"],
            _ when message.Contains(nameof(DrugDto), StringComparison.Ordinal) =>
                ["name", "aliases", "class", "routes", "source", "notes", "forbiddenRoutes", "limits", "usual",
                 "minIntervalDays", "minIntervalSource", "treatmentFreeDays", "treatmentFreeSource", "intervals", "companions",
                 "classEquivalents", "interactions", "maxCycles", "maxCyclesSource"],
            _ => ["classes", "drugs"],
        };
    }

    [GeneratedRegex(@"^([0-9]{1,4}(?:\.[0-9]{1,2})?) (min|h|days?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_-]*|[0-9]+-[A-Za-z][A-Za-z0-9_-]*)$")]
    private static partial Regex NamePattern();

    /// <summary>Reads one drug entry, reporting at the YAML position of each bad value.</summary>
    private sealed class EntryReader(string path, YamlPositions positions, DiagnosticBag diagnostics, int index, string list)
    {
        private bool _ok = true;

        private FormularyLocation At(params object[] subPath)
        {
            var (line, column) = positions.Find([.. (object[])[list, index], .. subPath]);
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
                    forbidden.Add(new ForbiddenRoute(ok, reason, itemSource, At("forbiddenRoutes", f))
                    {
                        Unconfirmed = ParseFlag(item.Unconfirmed, name, "forbiddenRoutes", f, "unconfirmed"),
                    });
                }
            }

            var limits = ReadLimits(dto.Limits, name, label);

            var usual = ImmutableArray.CreateBuilder<UsualDoseRange>();
            for (int u = 0; u < (dto.Usual?.Count ?? 0); u++)
            {
                if (dto.Usual![u] is not { } item)
                {
                    EmptyItem("usual", u);
                    continue;
                }
                var dose = ParseDoseOrAuc(item.Dose, name, "usual", u, "dose");
                var low = item.Low is null ? null : ParseDoseOrAuc(item.Low, name, "usual", u, "low");
                var high = item.High is null ? null : ParseDoseOrAuc(item.High, name, "usual", u, "high");
                if (dose is not null)
                {
                    CheckLike(dose, low, item.Low, name, "low", u);
                    CheckLike(dose, high, item.High, name, "high", u);
                }
                var route = item.Route is null ? null : ParseRoute(item.Route, name, "usual", u, "route");
                string itemSource = RequireSource(item.Source, $"{label}, usual dose", "usual", u);
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "usual", u, "unconfirmed");
                if (dose is not null)
                {
                    usual.Add(new UsualDoseRange(dose, low, high, route, Text(item.Context), itemSource, unconfirmed, At("usual", u)));
                }
            }

            var intervals = ImmutableArray.CreateBuilder<DoseInterval>();
            for (int v = 0; v < (dto.Intervals?.Count ?? 0); v++)
            {
                if (dto.Intervals![v] is not { } item)
                {
                    EmptyItem("intervals", v);
                    continue;
                }
                int? days = null;
                if (item.MinDays is null)
                {
                    Error(Diagnose.MissingFormularyKey(Span("intervals", v), $"{label}, interval", "minDays"));
                }
                else
                {
                    days = ParseDayCount(item.MinDays, name, "minDays", "intervals", v, "minDays");
                }
                var route = item.Route is null ? null : ParseRoute(item.Route, name, "intervals", v, "route");
                var minDose = item.MinDose is null ? null : ParseDose(item.MinDose, name, "intervals", v, "minDose");
                string itemSource = RequireSource(item.Source, $"{label}, interval", "intervals", v);
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "intervals", v, "unconfirmed");
                if (days is { } d)
                {
                    intervals.Add(new DoseInterval(d, route, minDose, Text(item.Reason), itemSource, unconfirmed, At("intervals", v)));
                }
            }

            var companions = ImmutableArray.CreateBuilder<Companion>();
            for (int c = 0; c < (dto.Companions?.Count ?? 0); c++)
            {
                if (dto.Companions![c] is not { } item)
                {
                    EmptyItem("companions", c);
                    continue;
                }
                var anyOf = ReadNames(item.AnyOf, $"{label}, companion", "companions", c);
                CompanionTiming? timing = item.Timing?.Trim().ToLowerInvariant() switch
                {
                    "before-start" => CompanionTiming.BeforeStart,
                    "after-start" => CompanionTiming.AfterStart,
                    "with" => CompanionTiming.With,
                    _ => null,
                };
                if (timing is null)
                {
                    Error(item.Timing is null
                        ? Diagnose.MissingFormularyKey(Span("companions", c), $"{label}, companion", "timing")
                        : Diagnose.BadCompanionTiming(Span("companions", c, "timing"), name, item.Timing));
                }
                var from = item.From is null ? null : ParseDuration(item.From, name, "companions", c, "from");
                var to = item.To is null ? null : ParseDuration(item.To, name, "companions", c, "to");
                var route = item.Route is null ? null : ParseRoute(item.Route, name, "companions", c, "route");
                var minDose = item.MinDose is null ? null : ParseDose(item.MinDose, name, "companions", c, "minDose");
                string reason = RequireReason(item.Reason, $"{label}, companion", "companions", c);
                string itemSource = RequireSource(item.Source, $"{label}, companion", "companions", c);
                bool optional = ParseFlag(item.Optional, name, "companions", c, "optional");
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "companions", c, "unconfirmed");
                if (timing is { } t)
                {
                    companions.Add(new Companion(anyOf, t, from, to, route, minDose, Text(item.CompanionDose), optional, reason, itemSource,
                        unconfirmed, At("companions", c))
                    {
                        FromText = item.From?.Trim(),
                        ToText = item.To?.Trim(),
                    });
                }
            }

            var separations = ImmutableArray.CreateBuilder<Separation>();
            for (int p = 0; p < (dto.Separations?.Count ?? 0); p++)
            {
                if (dto.Separations![p] is not { } item)
                {
                    EmptyItem("separations", p);
                    continue;
                }
                SeparationTarget? target = item.From?.Trim().ToLowerInvariant() switch
                {
                    "cytotoxic" => SeparationTarget.Cytotoxic,
                    _ => null,
                };
                if (target is null)
                {
                    Error(item.From is null
                        ? Diagnose.MissingFormularyKey(Span("separations", p), $"{label}, separation", "from")
                        : Diagnose.BadSeparationTarget(Span("separations", p, "from"), name, item.From));
                }
                var before = item.Before is null ? null : ParseDuration(item.Before, name, "separations", p, "before");
                var after = item.After is null ? null : ParseDuration(item.After, name, "separations", p, "after");
                if (item.Before is null && item.After is null)
                {
                    Error(Diagnose.SeparationWithoutTime(Span("separations", p), name));
                }
                string reason = RequireReason(item.Reason, $"{label}, separation", "separations", p);
                string itemSource = RequireSource(item.Source, $"{label}, separation", "separations", p);
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "separations", p, "unconfirmed");
                if (target is { } t)
                {
                    separations.Add(new Separation(t, before, after, reason, itemSource, unconfirmed, At("separations", p))
                    {
                        BeforeText = item.Before?.Trim(),
                        AfterText = item.After?.Trim(),
                    });
                }
            }

            var equivalents = ImmutableArray.CreateBuilder<ClassEquivalent>();
            for (int e = 0; e < (dto.ClassEquivalents?.Count ?? 0); e++)
            {
                if (dto.ClassEquivalents![e] is not { } item)
                {
                    EmptyItem("classEquivalents", e);
                    continue;
                }
                string className = Text(item.Class) ?? "";
                if (className.Length == 0)
                {
                    Error(Diagnose.MissingFormularyKey(Span("classEquivalents", e), $"{label}, class equivalent", "class"));
                }
                decimal? factor = null;
                if (item.Factor is null)
                {
                    Error(Diagnose.MissingFormularyKey(Span("classEquivalents", e), $"{label}, class equivalent", "factor"));
                }
                else if (decimal.TryParse(item.Factor.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1000)
                {
                    factor = f;
                }
                else
                {
                    Error(Diagnose.BadClassFactor(Span("classEquivalents", e, "factor"), name, className, item.Factor));
                }
                string itemSource = RequireSource(item.Source, $"{label}, class equivalent", "classEquivalents", e);
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "classEquivalents", e, "unconfirmed");
                if (factor is { } ok && className.Length > 0)
                {
                    equivalents.Add(new ClassEquivalent(className, ok, itemSource, unconfirmed, At("classEquivalents", e)));
                }
            }

            var interactions = ImmutableArray.CreateBuilder<Interaction>();
            for (int x = 0; x < (dto.Interactions?.Count ?? 0); x++)
            {
                if (dto.Interactions![x] is not { } item)
                {
                    EmptyItem("interactions", x);
                    continue;
                }
                var anyOf = ReadNames(item.AnyOf, $"{label}, interaction", "interactions", x);
                string itemSource = RequireSource(item.Source, $"{label}, interaction", "interactions", x);
                interactions.Add(new Interaction(anyOf, Text(item.Effect), Text(item.Note), itemSource, At("interactions", x)));
            }

            int? maxCycles = null;
            if (dto.MaxCycles is null)
            {
                if (dto.MaxCyclesSource is not null)
                {
                    Error(Diagnose.SourceWithoutValue(Span("maxCyclesSource"), name, "maxCycles", "maxCyclesSource"));
                }
            }
            else if (int.TryParse(dto.MaxCycles.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int cycles) && cycles is >= 1 and <= 1000)
            {
                maxCycles = cycles;
                if (string.IsNullOrWhiteSpace(dto.MaxCyclesSource))
                {
                    Error(Diagnose.ValueWithoutSource(Span("maxCycles"), name, "maxCycles", "maxCyclesSource"));
                }
            }
            else
            {
                Error(Diagnose.BadCycleCount(Span("maxCycles"), name, "maxCycles", dto.MaxCycles));
            }

            int? minInterval = ParseDays(dto.MinIntervalDays, dto.MinIntervalSource, name, "minIntervalDays", "minIntervalSource");
            int? treatmentFree = ParseDays(dto.TreatmentFreeDays, dto.TreatmentFreeSource, name, "treatmentFreeDays", "treatmentFreeSource");

            bool cytotoxic = ParseFlag(dto.Cytotoxic, name, "cytotoxic");

            // The original view (see DrugEntry): what always applies and a source confirmed.
            var legacyUsual = LegacyUsual(usual);
            var legacyLimits = limits.Where(l => l.When is null && !l.Unconfirmed).ToImmutableArray();
            string? minIntervalSource = dto.MinIntervalSource;
            if (minInterval is null && intervals.Where(v => v.Route is null && v.MinDose is null && !v.Unconfirmed).MaxBy(v => v.MinDays) is { } everyDose)
            {
                minInterval = everyDose.MinDays;
                minIntervalSource = everyDose.Source;
            }

            return _ok
                ? new DrugEntry(name, aliases.ToImmutable(), dto.Class!.Trim(), routes.ToImmutable(), source, dto.Notes,
                    forbidden.ToImmutable(), legacyLimits, legacyUsual,
                    minInterval, minIntervalSource, treatmentFree, dto.TreatmentFreeSource, At())
                {
                    UsualDoses = usual.ToImmutable(),
                    AllLimits = limits,
                    Intervals = intervals.ToImmutable(),
                    Companions = companions.ToImmutable(),
                    ClassEquivalents = equivalents.ToImmutable(),
                    Interactions = interactions.ToImmutable(),
                    MaxCycles = maxCycles,
                    MaxCyclesSource = maxCycles is null ? null : dto.MaxCyclesSource?.Trim(),
                    Cytotoxic = cytotoxic,
                    Separations = separations.ToImmutable(),
                }
                : null;
        }

        /// <summary>
        /// The usual doses the original unit-slip rule may read: it flags a dose ten times above or below any usual dose of
        /// like unit and route, which is right only when every usual dose written for that route and basis (their lows and
        /// highs included) lies within a factor of ten of it. Several regimens' usual doses for one route (cytarabine 100 mg/m2
        /// and 3 g/m2 IV) therefore stay out of this view, as do unconfirmed ones; <see cref="DrugEntry.UsualDoses"/> has all.
        /// </summary>
        private static ImmutableArray<UsualDose> LegacyUsual(IReadOnlyList<UsualDoseRange> usual)
        {
            var result = ImmutableArray.CreateBuilder<UsualDose>();
            foreach (var entry in usual)
            {
                if (entry.Unconfirmed || entry.Dose is not AmountDose dose || InMilligrams(dose) is not { } reference)
                {
                    continue;
                }
                bool alone = true;
                foreach (var peer in usual.Where(p => SameRoutes(p.Route, entry.Route)))
                {
                    foreach (var written in new[] { peer.Dose, peer.Low, peer.High })
                    {
                        if (written is AmountDose other && other.Unit.Basis == dose.Unit.Basis
                            && (other.Unit.Mass == MassUnit.Unit) == (dose.Unit.Mass == MassUnit.Unit)
                            && InMilligrams(other) is { } amount && (amount >= reference * 10 || amount * 10 <= reference))
                        {
                            alone = false;
                        }
                    }
                }
                if (alone)
                {
                    result.Add(new UsualDose(dose, entry.Route, entry.Source, entry.Location));
                }
            }
            return result.ToImmutable();
        }

        /// <summary>IV and CIV count as one route here (an IV usual dose or limit applies to continuous infusions); no route is every route.</summary>
        private static bool SameRoutes(Route? a, Route? b) =>
            a is null || b is null || (a is Route.IV or Route.CIV ? b is Route.IV or Route.CIV : a == b);

        private static decimal? InMilligrams(AmountDose dose) => dose.Unit.Mass switch
        {
            MassUnit.Gram => dose.Amount.Value * 1000,
            MassUnit.Milligram => dose.Amount.Value,
            MassUnit.Microgram => dose.Amount.Value / 1000,
            MassUnit.Nanogram => dose.Amount.Value / 1_000_000,
            MassUnit.Unit => dose.Amount.Value,
            _ => null,
        };

        public DrugClass? ReadClass(DrugClassDto dto)
        {
            string name = Text(dto.Name) ?? "";
            string reference = Text(dto.Reference) ?? "";
            if (name.Length == 0)
            {
                Error(Diagnose.MissingFormularyKey(Span(), "a class", "name"));
            }
            if (reference.Length == 0)
            {
                Error(Diagnose.MissingFormularyKey(Span(), $"class '{name}'", "reference"));
            }
            var limits = ReadLimits(dto.Limits, $"class {name}", $"class '{name}'");
            return _ok ? new DrugClass(name, reference, Text(dto.Members), limits, At()) : null;
        }

        private ImmutableArray<DoseLimit> ReadLimits(List<LimitDto>? items, string name, string label)
        {
            var limits = ImmutableArray.CreateBuilder<DoseLimit>();
            for (int l = 0; l < (items?.Count ?? 0); l++)
            {
                if (items![l] is not { } item)
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
                bool unconfirmed = ParseFlag(item.Unconfirmed, name, "limits", l, "unconfirmed");
                if (per is { } p && max is not null)
                {
                    limits.Add(new DoseLimit(p, max, route, item.Note, itemSource, At("limits", l)) { When = Text(item.When), Unconfirmed = unconfirmed });
                }
            }
            return limits.ToImmutable();
        }

        private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        private ImmutableArray<string> ReadNames(List<string>? items, string entry, string key, int at)
        {
            if (items is null || items.Count == 0)
            {
                Error(Diagnose.MissingFormularyKey(Span(key, at), entry, "anyOf"));
                return [];
            }
            var names = ImmutableArray.CreateBuilder<string>();
            for (int n = 0; n < items.Count; n++)
            {
                if (Text(items[n]) is { } written)
                {
                    names.Add(written);
                }
                else
                {
                    EmptyItem(key, at);
                }
            }
            return names.ToImmutable();
        }

        private bool ParseFlag(string? text, string drug, params object[] subPath)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case null:
                case "false":
                    return false;
                case "true":
                    return true;
                default:
                    Error(Diagnose.NotABoolean(Span(subPath), drug, (string)subPath[^1], text));
                    return false;
            }
        }

        private int? ParseDayCount(string text, string drug, string key, params object[] subPath)
        {
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is >= 1 and <= 3650)
            {
                return value;
            }
            Error(Diagnose.BadDays(Span(subPath), drug, key, text));
            return null;
        }

        private TimeSpan? ParseDuration(string text, string drug, params object[] subPath)
        {
            var match = DurationPattern().Match(text.Trim());
            if (match.Success && decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                decimal minutes = match.Groups[2].Value switch
                {
                    "min" => amount,
                    "h" => amount * 60,
                    _ => amount * 1440,
                };
                if (minutes <= 365 * 1440)
                {
                    return TimeSpan.FromMinutes((double)minutes);
                }
            }
            Error(Diagnose.NotADuration(Span(subPath), drug, text));
            return null;
        }

        private void CheckLike(DoseSyntax dose, DoseSyntax? bound, string? text, string drug, string key, int at)
        {
            bool like = (dose, bound) switch
            {
                (_, null) => true,
                (AmountDose a, AmountDose b) => a.Unit.IsCommensurableWith(b.Unit),
                (AucDose, AucDose) => true,
                _ => false,
            };
            if (!like)
            {
                Error(Diagnose.UsualRangeUnlikeDose(Span("usual", at, key), drug, key, text ?? "", dose.ToString() ?? ""));
            }
        }

        private DoseSyntax? ParseDoseOrAuc(string? text, string drug, params object[] subPath)
        {
            if (text is not null && QuantityText.TryParseDoseOrAuc(text.Trim(), out var dose, out _))
            {
                return dose;
            }
            Error(Diagnose.NotADose(Span(subPath), drug, text));
            return null;
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

        /// <summary>The reason of a list item (a companion, a separation), which every such item must give.</summary>
        private string RequireReason(string? text, string entry, string key, int at)
        {
            string reason = Text(text) ?? "";
            if (reason.Length == 0)
            {
                Error(Diagnose.MissingFormularyKey(Span(key, at), entry, "reason"));
            }
            return reason;
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
