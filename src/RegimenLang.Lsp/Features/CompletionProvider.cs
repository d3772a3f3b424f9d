using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Semantics.Binding;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// Completion from the text before the cursor (a line being typed seldom parses): where the line is (top level, a
/// cycle or block body, the plan) is read from the braces above it, what may come next from the words before the
/// cursor on the line. Names come from the semantic model of the document's latest version and its formulary.
/// </summary>
public static partial class CompletionProvider
{
    private enum Place
    {
        TopLevel,
        Body,
        Plan,
    }

    public static CompletionList Complete(OpenDocument document, Position position)
    {
        var items = new List<CompletionItem>();
        if (document.Compilation is not { } compilation)
        {
            return new CompletionList(false, items);
        }
        var text = compilation.Source;
        int offset = PositionMap.ToOffset(text, position);
        int lineStart = Math.Min(offset, text.LineStart(Math.Clamp(position.Line + 1, 1, text.LineCount)));
        string before = text.Text[lineStart..offset];
        if (before.Contains('#', StringComparison.Ordinal) || before.Count(c => c == '"') % 2 == 1)
        {
            return new CompletionList(false, items); // inside a comment or a string
        }
        var words = before.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        bool typing = before.Length > 0 && !char.IsWhiteSpace(before[^1]);
        var previous = typing ? words.Take(words.Count - 1).ToList() : words;
        var model = compilation.Model;
        switch (PlaceOf(text.Text, lineStart))
        {
            case Place.TopLevel:
                TopLevel(before, previous, model, items);
                break;
            case Place.Body:
                Body(previous, model, items);
                break;
            default:
                Plan(previous, model, items);
                break;
        }
        return new CompletionList(false, [.. items.DistinctBy(i => i.Label, StringComparer.OrdinalIgnoreCase)]);
    }

    private static void TopLevel(string before, List<string> previous, SemanticModel model, List<CompletionItem> items)
    {
        if (previous.Count == 0)
        {
            items.AddRange(Vocabulary.TopLevel.Select(k => Keyword(k)));
            items.AddRange(Vocabulary.MetadataKeys.Select(k => new CompletionItem(k + ":", CompletionItemKind.Field, "metadata", InsertText: k + ": ")));
            return;
        }
        string first = previous[0].ToLowerInvariant();
        string last = previous[^1].ToLowerInvariant();
        if (first == "levels")
        {
            if (previous.Count == 1)
            {
                Drugs(model, items);
            }
            else
            {
                LevelEntry(before, items);
            }
        }
        else if (first == "limit")
        {
            if (previous.Count == 1)
            {
                Drugs(model, items);
            }
            else if (IsNumber(last))
            {
                items.AddRange(Vocabulary.Units.Select(Unit));
            }
            else if (previous.Count >= 4)
            {
                items.AddRange(Vocabulary.LimitScopes.Select(k => Keyword(k)));
            }
        }
        else if (first == "input" && last.EndsWith(':'))
        {
            items.AddRange(Vocabulary.InputTypes.Select(k => Keyword(k)));
        }
        else if (first == "cycle" && previous.Count >= 2)
        {
            items.Add(Keyword(IsNumber(last) ? "days" : "length"));
            if (IsNumber(last))
            {
                items.Add(Keyword("weeks"));
            }
        }
        else if (first == "phase" && previous.Count == 1)
        {
            items.AddRange(model.Plan?.Phases.Select(p => Name(p.Name, CompletionItemKind.Module, "phase of the plan")) ?? []);
        }
    }

    private static void Body(List<string> previous, SemanticModel model, List<CompletionItem> items)
    {
        if (previous.Count == 0)
        {
            Drugs(model, items);
            items.Add(Keyword("include"));
            items.Add(Keyword("order"));
            return;
        }
        string last = previous[^1].ToLowerInvariant();
        string? beforeLast = previous.Count >= 2 ? previous[^2].ToLowerInvariant() : null;
        if (previous[0].Equals("include", StringComparison.OrdinalIgnoreCase))
        {
            items.AddRange(model.Blocks.Values.Select(b => Name(b.Name, CompletionItemKind.Module, "block")));
            return;
        }
        bool inCondition = previous.Any(w => w.Equals("when", StringComparison.OrdinalIgnoreCase));
        if (previous.Count == 1)
        {
            items.AddRange(Vocabulary.DoseForms.Select(k => Keyword(k)));
        }
        else if (last is "when" or "and" or "or" or "not" or "(" && (inCondition || last == "when"))
        {
            Facts(model, items);
            items.Add(Keyword("not"));
        }
        else if (last is "before" or "after")
        {
            items.AddRange(model.Document.DescendantsAndSelf().OfType<Syntax.Nodes.LabelModifier>()
                .Select(l => Name(l.Name.Text, CompletionItemKind.Event, "label")));
            items.AddRange(model.WrittenAdministrations.Select(a => a.Drug?.Name).OfType<string>().Distinct()
                .Select(d => Name(d, CompletionItemKind.Function, "drug of this file")));
        }
        else if (IsNumber(last) && beforeLast == "over")
        {
            items.AddRange(Vocabulary.DurationUnits.Select(Unit));
        }
        else if (IsNumber(last) && beforeLast == "every")
        {
            items.AddRange(Vocabulary.LengthUnits.Select(Unit));
        }
        else if (IsNumber(last) && previous.Count <= 3)
        {
            items.AddRange(Vocabulary.Units.Select(Unit)); // the dose: "drug N |"
        }
        else if (IsNumber(last) && beforeLast is "cap" or "to")
        {
            items.AddRange(Vocabulary.Units.Select(Unit));
        }
        else if (Vocabulary.Units.Contains(last, StringComparer.OrdinalIgnoreCase) && previous.Count <= 4)
        {
            items.AddRange(Vocabulary.Routes.Select(Route));
        }
        else if (last == "or" && !inCondition)
        {
            items.AddRange(Vocabulary.Routes.Select(Route));
        }
        else if (last == "round")
        {
            items.Add(Keyword("to"));
        }
        else if (inCondition)
        {
            items.AddRange(Vocabulary.ConditionWords.Select(k => Keyword(k)));
            Clauses(items);
        }
        else
        {
            items.AddRange(Vocabulary.Frequencies.Select(f => new CompletionItem(f, CompletionItemKind.Value, "frequency")));
            Clauses(items);
        }
    }

    private static void Plan(List<string> previous, SemanticModel model, List<CompletionItem> items)
    {
        string? last = previous.Count > 0 ? previous[^1].ToLowerInvariant() : null;
        if (last is null)
        {
            items.AddRange(model.PhaseBlocks.Values.Select(p => new CompletionItem(p.Name + ":", CompletionItemKind.Module, "phase", InsertText: p.Name + ": ")));
            return;
        }
        if (last.EndsWith(':') || last is "then" or "(" or "else")
        {
            items.AddRange(model.Cycles.Values.Select(c => Name(c.Name, CompletionItemKind.Class, $"cycle{(c.LengthDays is { } d ? $", {d} days" : "")}")));
            items.Add(Keyword("rest"));
            return;
        }
        items.AddRange(Vocabulary.PlanWords.Select(k => Keyword(k)));
    }

    /// <summary>
    /// Inside the braces of a <c>levels</c> line: after <c>{</c> or <c>,</c> the level numbers not yet given (0, the next
    /// reduction, the next escalation); after <c>N:</c> what a level may be; after its number, the units.
    /// </summary>
    private static void LevelEntry(string before, List<CompletionItem> items)
    {
        int open = before.IndexOf('{', StringComparison.Ordinal);
        if (open < 0 || before.IndexOf('}', open) >= 0)
        {
            return;
        }
        int separator = Math.Max(before.LastIndexOf('{'), before.LastIndexOf(','));
        string entry = before[(separator + 1)..];
        if (entry.Length > 0 && !char.IsWhiteSpace(entry[^1]) && entry[^1] != ':')
        {
            entry = entry[..(entry.TrimEnd().LastIndexOfAny([' ', '\t', ':']) + 1)]; // the word being typed is replaced, not counted
        }
        int colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            var given = LevelNumber().Matches(before[open..]).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            int[] next = given.Count == 0 ? [0] : [.. new[] { 0, Math.Min(0, given.Min()) - 1, Math.Max(0, given.Max()) + 1 }.Where(n => !given.Contains(n))];
            items.AddRange(next.Select(n => new CompletionItem(n.ToString(System.Globalization.CultureInfo.InvariantCulture), CompletionItemKind.Value,
                n == 0 ? "dose level: the full dose" : n < 0 ? "dose level: a reduction" : "dose level: an escalation",
                InsertText: n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": ")));
            return;
        }
        var value = entry[(colon + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (value.Length == 0)
        {
            items.AddRange(Vocabulary.LevelValues.Select(k => Keyword(k)));
        }
        else if (value.Length == 1 && IsNumber(value[0]))
        {
            items.AddRange(Vocabulary.Units.Select(Unit));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(-?\d+)\s*:")]
    private static partial System.Text.RegularExpressions.Regex LevelNumber();

    private static void Clauses(List<CompletionItem> items) => items.AddRange(Vocabulary.Clauses.Select(k => Keyword(k)));

    private static void Drugs(SemanticModel model, List<CompletionItem> items)
    {
        foreach (var drug in model.Formulary.Drugs)
        {
            items.Add(new CompletionItem(drug.Name, CompletionItemKind.Function, drug.Class, SortText: "0" + drug.Name));
            foreach (var alias in drug.Aliases)
            {
                // An alias completes to itself (the text keeps what the author chose) and says which drug it names.
                items.Add(new CompletionItem(alias, CompletionItemKind.Function, $"{drug.Name} (alias)", SortText: "1" + alias));
            }
        }
    }

    private static void Facts(SemanticModel model, List<CompletionItem> items) =>
        items.AddRange(model.Facts.Values.Select(f => Name(f.Name, CompletionItemKind.Variable, f.Fact.IsBuiltIn ? "patient fact" : "input")));

    private static CompletionItem Keyword(string word) => new(word, CompletionItemKind.Keyword, "keyword");

    private static CompletionItem Unit(string unit) => new(unit, CompletionItemKind.Unit, "unit");

    private static CompletionItem Route(string route) => new(route, CompletionItemKind.Value, "route");

    private static CompletionItem Name(string name, int kind, string detail) => new(name, kind, detail);

    private static bool IsNumber(string word) => word.Length > 0 && (char.IsDigit(word[0]) || (word[0] == '.' && word.Length > 1)) && word.All(c => char.IsDigit(c) || c == '.');

    /// <summary>Top level, a body or the plan: the opening line of the innermost container still open above the line.</summary>
    private static Place PlaceOf(string text, int lineStart)
    {
        int depth = 0;
        var lines = text[..lineStart].Split('\n');
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.StartsWith("levels ", StringComparison.OrdinalIgnoreCase))
            {
                continue; // its braces open and close on its own line, even while it is being written
            }
            if (line == "}")
            {
                depth++;
            }
            else if (line.EndsWith('{'))
            {
                if (depth == 0)
                {
                    return line.StartsWith("plan", StringComparison.OrdinalIgnoreCase) ? Place.Plan : Place.Body;
                }
                depth--;
            }
        }
        return Place.TopLevel;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }
}
