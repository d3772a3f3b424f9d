using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Resolves names (drugs, cycles, blocks, inputs, facts) and checks the file's structure: the
/// RL1xxx family. Works on a tree with syntax errors too, reporting what it can.
/// </summary>
public static partial class Binder
{
    private static readonly string[] MetadataKeys = ["id", "indication", "population", "version", "author", "status", "source"];
    private static readonly string[] Statuses = ["draft", "review", "approved", "retired"];

    /// <param name="hasSyntaxErrors">Lines with syntax errors were dropped from the tree, so "never used" warnings would mislead: they are skipped.</param>
    public static BoundRegimen Bind(RegimenDocument document, DrugFormulary formulary, DiagnosticBag diagnostics, bool hasSyntaxErrors = false)
    {
        // With syntax errors, a dropped line may be the missing header or plan: report only what is certain.
        if (!hasSyntaxErrors || document.Header is not null)
        {
            CheckHeader(document, diagnostics);
        }
        CheckMetadata(document, diagnostics);

        var facts = BindInputs(document, diagnostics);
        var blocks = Unique(document.Blocks, b => b.Name, "block", diagnostics);
        var cycleStatements = Unique(document.Cycles, c => c.Name, "cycle", diagnostics);

        var usedFacts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var usedBlocks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reportedIncludes = new HashSet<SourceSpan>();
        var checkedLines = new HashSet<AdministrationLine>(ReferenceEqualityComparer.Instance);

        void CheckLine(AdministrationLine line)
        {
            // A block's lines are checked once, however many cycles include it.
            if (!checkedLines.Add(line))
            {
                return;
            }
            ResolveDrug(line.Drug, formulary, diagnostics);
            if (line.When is { } when)
            {
                ConditionBinder.Check(when.Condition, facts, usedFacts, diagnostics);
            }
        }

        foreach (var block in blocks.Values)
        {
            foreach (var line in block.Body.OfType<AdministrationLine>())
            {
                CheckLine(line);
            }
            if (block.Body.Length == 0 && !hasSyntaxErrors)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyPlan, block.Name.Span, "block", block.Name.Text);
            }
        }

        var cycles = ImmutableDictionary.CreateBuilder<string, BoundCycle>(StringComparer.OrdinalIgnoreCase);
        foreach (var cycle in cycleStatements.Values)
        {
            var lines = ImmutableArray.CreateBuilder<BoundAdministration>();
            Splice(cycle.Body, null, [], blocks, lines, usedBlocks, reportedIncludes, formulary, diagnostics);
            foreach (var line in lines)
            {
                CheckLine(line.Line);
            }
            if (cycle.Body.Length == 0 && !hasSyntaxErrors)
            {
                diagnostics.Add(DiagnosticCatalog.EmptyPlan, cycle.Name.Span, "cycle", cycle.Name.Text);
            }
            cycles[cycle.Name.Text] = new BoundCycle(cycle, lines.ToImmutable());
        }

        // Includes inside blocks no cycle uses are still checked, so a typo is found before it is used.
        foreach (var block in blocks.Values)
        {
            Splice(block.Body, block.Name.Text, [block.Name.Text], blocks, ImmutableArray.CreateBuilder<BoundAdministration>(),
                usedBlocks, reportedIncludes, formulary, diagnostics, countUse: false);
        }

        foreach (var limit in document.Limits)
        {
            ResolveDrug(limit.Drug, formulary, diagnostics);
        }

        PlanBinder.Check(document, cycles, diagnostics, reportUnused: !hasSyntaxErrors);
        if (hasSyntaxErrors)
        {
            return new BoundRegimen(document, cycles.ToImmutable(), facts, formulary);
        }

        foreach (var block in blocks.Values.Where(b => !usedBlocks.Contains(b.Name.Text)))
        {
            diagnostics.Add(DiagnosticCatalog.UnusedBlock, block.Name.Span, block.Name.Text);
        }
        foreach (var input in facts.Values.Where(f => f.Input is not null && !usedFacts.Contains(f.Name)).Select(f => f.Input!))
        {
            diagnostics.Add(DiagnosticCatalog.UnusedInput, input.Name.Span, input.Name.Text);
        }

        return new BoundRegimen(document, cycles.ToImmutable(), facts, formulary);
    }

    public static DrugEntry? ResolveDrug(Identifier drug, DrugFormulary formulary, DiagnosticBag diagnostics)
    {
        var entry = formulary.Find(drug.Text);
        if (entry is null)
        {
            diagnostics.Add(DiagnosticCatalog.UnknownDrug, drug.Span, drug.Text, NameSuggester.DidYouMean(drug.Text, formulary.AllNames));
        }
        return entry;
    }

    /// <summary>Splices included blocks into <paramref name="output"/>, depth first, reporting unknown blocks and include cycles.</summary>
    private static void Splice(
        ImmutableArray<BodyLine> body,
        string? viaBlock,
        ImmutableList<string> chain,
        IReadOnlyDictionary<string, BlockStatement> blocks,
        ImmutableArray<BoundAdministration>.Builder output,
        HashSet<string> usedBlocks,
        HashSet<SourceSpan> reportedIncludes,
        DrugFormulary formulary,
        DiagnosticBag diagnostics,
        bool countUse = true)
    {
        foreach (var line in body)
        {
            switch (line)
            {
                case AdministrationLine administration:
                    output.Add(new BoundAdministration(administration, formulary.Find(administration.Drug.Text), viaBlock));
                    break;
                case IncludeLine include:
                    string name = include.Block.Text;
                    if (!blocks.TryGetValue(name, out var block))
                    {
                        if (reportedIncludes.Add(include.Block.Span))
                        {
                            diagnostics.Add(DiagnosticCatalog.UnknownBlock, include.Block.Span, name, NameSuggester.DidYouMean(name, blocks.Keys));
                        }
                        break;
                    }
                    if (countUse)
                    {
                        usedBlocks.Add(block.Name.Text);
                    }
                    if (chain.Contains(block.Name.Text, StringComparer.OrdinalIgnoreCase))
                    {
                        if (reportedIncludes.Add(include.Block.Span))
                        {
                            diagnostics.Add(DiagnosticCatalog.IncludeCycle, include.Block.Span, block.Name.Text,
                                string.Join(" -> ", chain.Add(block.Name.Text)));
                        }
                        break;
                    }
                    Splice(block.Body, block.Name.Text, chain.Add(block.Name.Text), blocks, output, usedBlocks, reportedIncludes, formulary, diagnostics, countUse);
                    break;
            }
        }
    }

    private static ImmutableDictionary<string, FactDefinition> BindInputs(RegimenDocument document, DiagnosticBag diagnostics)
    {
        var facts = ImmutableDictionary.CreateBuilder<string, FactDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var fact in PatientFacts.BuiltIn)
        {
            facts[fact.Name] = fact;
        }
        var declared = new Dictionary<string, InputStatement>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in document.Inputs)
        {
            string name = input.Name.Text;
            if (declared.TryGetValue(name, out var earlier))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, input.Name.Span, "input", name, $"on line {earlier.Name.Span.Line}");
                continue;
            }
            if (PatientFacts.FindBuiltIn(name) is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, input.Name.Span, "input", name, "as a built-in patient fact");
                continue;
            }
            declared[name] = input;
            facts[name] = PatientFacts.FromInput(input);
        }
        return facts.ToImmutable();
    }

    /// <summary>Named statements by name, reporting later duplicates (names compare ignoring case).</summary>
    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, Identifier> name, string kind, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var id = name(item);
            if (result.TryGetValue(id.Text, out var earlier))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateName, id.Span, kind, id.Text, $"on line {name(earlier).Span.Line}");
                continue;
            }
            result[id.Text] = item;
        }
        return result;
    }

    private static void CheckHeader(RegimenDocument document, DiagnosticBag diagnostics)
    {
        var headers = document.Statements.OfType<HeaderStatement>().ToList();
        if (headers.Count == 0)
        {
            var at = document.Statements.Length > 0 ? document.Statements[0].Span : new SourceSpan(0, 0, 1, 1);
            diagnostics.Add(DiagnosticCatalog.MissingHeader, at with { Length = 0 });
            return;
        }
        foreach (var extra in headers.Skip(1))
        {
            diagnostics.Add(DiagnosticCatalog.DuplicateSingleton, extra.Span, "'regimen' header", headers[0].Span.Line);
        }
        if (document.Statements[0] is not HeaderStatement)
        {
            diagnostics.Add(DiagnosticCatalog.HeaderNotFirst, headers[0].Span);
        }
    }

    private static void CheckMetadata(RegimenDocument document, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, MetadataStatement>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in document.Metadata)
        {
            string key = item.Key.Text.ToLowerInvariant();
            if (!MetadataKeys.Contains(key))
            {
                diagnostics.Add(DiagnosticCatalog.UnknownMetadataKey, item.Key.Span, item.Key.Text, NameSuggester.DidYouMean(item.Key.Text, MetadataKeys));
                continue;
            }
            if (key != "source" && seen.TryGetValue(key, out var earlier))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateMetadata, item.Key.Span, item.Key.Text, earlier.Span.Line);
                continue;
            }
            seen[key] = item;
            string? problem = MetadataProblem(key, item.Value);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidMetadataValue, item.Value.Length > 0 ? item.ValueSpan : item.Key.Span, problem);
            }
        }
    }

    private static string? MetadataProblem(string key, string value)
    {
        if (value.Length == 0)
        {
            return $"'{key}' has no value";
        }
        return key switch
        {
            "id" when !IdPattern().IsMatch(value) => $"an id is one word of letters, digits, '-' or '_' starting with a letter, not '{value}'",
            "status" when !Statuses.Contains(value) => $"status is draft, review, approved or retired, not '{value}'",
            "source" when !SourcePattern().IsMatch(value) =>
                $"'{value}' is not a source a reviewer can follow: write an NCT number (NCT01371630), doi:10.x/..., pmid:NNNN or an https:// URL",
            _ => null,
        };
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(NCT\d{8}|doi:10\.\d{4,9}/\S+|pmid:\d{1,9}|https://\S+)$")]
    private static partial Regex SourcePattern();
}
