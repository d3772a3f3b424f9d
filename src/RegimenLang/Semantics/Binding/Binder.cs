using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;

namespace RegimenLang.Semantics.Binding;

/// <summary>
/// Resolves names (drugs, cycles, blocks, inputs, facts, phases) into a <see cref="SemanticModel"/> and
/// checks the file's structure: the RL1xxx family. Works on any tree, errors included, and never
/// cascades: a name written on a line that could not be read counts as possibly defined and possibly
/// used, so a broken line never makes another line's name look undefined or unused.
/// </summary>
public static partial class Binder
{
    private static readonly string[] MetadataKeys = ["id", "indication", "population", "version", "author", "status", "source"];
    private static readonly string[] Statuses = ["draft", "review", "approved", "retired"];

    /// <summary>The most lines a cycle may hold once its blocks are spliced in (far beyond any regimen; a guard against include fans).</summary>
    public const int MaxLinesPerCycle = 10_000;

    public static SemanticModel Bind(RegimenDocument document, DrugFormulary formulary, DiagnosticBag diagnostics)
    {
        var context = new BindingContext(document, formulary, diagnostics);
        NoteErrorLines(document, context);
        CheckHeader(document, context);
        CheckMetadata(document, diagnostics);
        BindFacts(document, context);
        DefineContainers(document, context);

        // Each administration line once, wherever it stands (a block's lines are bound once, however many cycles include it).
        var bound = new Dictionary<AdministrationLine, BoundAdministration?>(ReferenceEqualityComparer.Instance);
        var written = ImmutableArray.CreateBuilder<WrittenAdministration>();
        var uncertain = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var conditions = new ConditionBinder(context);
        foreach (var line in document.DescendantsAndSelf().OfType<AdministrationLine>())
        {
            // A line that broke before its dose may be no administration at all ('id: x' in a cycle, a line of junk): its
            // syntax error is its one finding, and its first word is not also called an unknown drug.
            var drug = context.ResolveDrug(line.Drug, quiet: line.HasErrors && line.Dose is null);
            // The condition of a line with an error may be cut short where the error is: its names are still
            // resolved (for an editor), but what is wrong with it is not reported (the line's error says it).
            var when = line.When is { } w ? (line.HasErrors ? conditions.BindQuietly(w.Condition) : conditions.Bind(w.Condition)) : null;
            written.Add(new WrittenAdministration(line, drug));
            bool complete = line.IsComplete && (line.When is null || when is not null);
            bound[line] = complete ? new BoundAdministration(line, drug, when, null) : null;
            if (!complete)
            {
                uncertain.Add(drug?.Name ?? line.Drug.Text);
                // A line left out may be the one another line is timed from: its drug and label are not reported as unknown anchors.
                context.NamesOnIncompleteLines.Add(line.Drug.Text);
                if (drug is not null)
                {
                    context.NamesOnIncompleteLines.Add(drug.Name);
                }
                if (line.Label is { } label)
                {
                    context.NamesOnIncompleteLines.Add(label.Name.Text);
                }
            }
        }

        var usedBlocks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var splicer = new IncludeSplicer(context, bound, usedBlocks);
        var timings = new TimingBinder(context);
        var orders = new OrderBinder(context, conditions);
        orders.BindConditions(document);
        foreach (var cycle in context.Cycles.Values)
        {
            var (lines, incomplete) = splicer.Lines(cycle.Syntax.Body, via: null);
            cycle.Lines = timings.Resolve(lines, "cycle", cycle.Name, ref incomplete);
            cycle.Orders = orders.Bind(cycle.Syntax.Body, cycle.Lines, "cycle", cycle.Name);
            cycle.HasIncompleteLines = incomplete;
            if (splicer.Truncated)
            {
                diagnostics.Add(Diagnose.TooManyLines(cycle.Declaration!.Span, "cycle", cycle.Name, MaxLinesPerCycle));
            }
        }
        foreach (var block in context.Blocks.Values)
        {
            // Includes inside blocks no cycle uses are still resolved, so a typo is found before it is used.
            splicer.Lines(block.Syntax.Body, via: block);
            if (splicer.Truncated && !usedBlocks.Contains(block.Name))
            {
                // A block some cycle includes is reported with that cycle.
                diagnostics.Add(Diagnose.TooManyLines(block.Declaration!.Span, "block", block.Name, MaxLinesPerCycle));
            }
            if (block.Syntax.Body.Length == 0 && block.Syntax.HeaderSkipped.IsEmpty)
            {
                diagnostics.Add(Diagnose.Empty(block.Declaration!.Span, "block", block.Name));
            }
        }

        foreach (var phase in context.PhaseBlocks.Values)
        {
            var (lines, incomplete) = splicer.Lines(phase.Syntax.Body, via: null);
            if (splicer.Truncated)
            {
                diagnostics.Add(Diagnose.TooManyLines(phase.Declaration!.Span, "phase block", phase.Name, MaxLinesPerCycle));
            }
            phase.Lines = timings.Resolve(lines, "phase", phase.Name, ref incomplete);
            phase.Orders = orders.Bind(phase.Syntax.Body, phase.Lines, "phase", phase.Name);
            phase.HasIncompleteLines = incomplete;
        }

        var limits = ImmutableArray.CreateBuilder<BoundLimit>();
        foreach (var limit in document.Limits)
        {
            if (context.ResolveDrug(limit.Drug) is { } drug)
            {
                limits.Add(new BoundLimit(limit, drug));
            }
        }

        var administrations = bound.Values.OfType<BoundAdministration>().OrderBy(a => a.Line.Span.Start).ToImmutableArray();
        var levelTables = DoseLevelBinder.Bind(document, context, written, administrations);

        var plans = new PlanBinder(context, conditions);
        bool headerSeen = document.Header is not null || context.MentionedInErrors.Contains("regimen");
        var plan = plans.Bind(document, reportMissing: headerSeen || document.Statements.Length > 0);

        // A cycle with no lines of its own is empty unless a phase block gives lines across it (a TKI every day of induction).
        var coveredByPhaseBlocks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phase in plan?.Phases ?? [])
        {
            if (context.PhaseBlocks.TryGetValue(phase.Name, out var block) && block.Syntax.Body.Length > 0)
            {
                coveredByPhaseBlocks.UnionWith(phase.Symbol.Syntax.Sequence.DescendantsAndSelf().OfType<CycleReference>().Select(c => c.Name.Text));
            }
        }
        foreach (var cycle in context.Cycles.Values)
        {
            if (cycle.Syntax.Body.Length == 0 && cycle.Syntax.HeaderSkipped.IsEmpty && !coveredByPhaseBlocks.Contains(cycle.Name))
            {
                diagnostics.Add(Diagnose.Empty(cycle.Declaration!.Span, "cycle", cycle.Name));
            }
        }

        foreach (var phase in context.PhaseBlocks.Values)
        {
            var known = plan?.Phases.FirstOrDefault(p => string.Equals(p.Name, phase.Name, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
            {
                context.Record(phase.Declaration!, known.Symbol);
            }
            else if (plan is not null && plan.IsComplete && phase.Syntax.IsClosed && !context.MentionedInErrors.Contains(phase.Name))
            {
                diagnostics.Add(Diagnose.UnknownPhase(phase.Declaration!.Span, phase.Name, NameSuggester.Suggest(phase.Name, plan.Phases.Select(p => p.Name))));
            }
        }

        // Without a plan every cycle is unused: the missing plan is the one finding.
        foreach (var cycle in context.Cycles.Values.Where(c => plan is not null && !plans.UsedCycles.Contains(c.Name) && !context.MentionedInErrors.Contains(c.Name)))
        {
            diagnostics.Add(Diagnose.UnusedCycle(cycle.Declaration!.Span, cycle.Name));
        }
        foreach (var block in context.Blocks.Values.Where(b => !usedBlocks.Contains(b.Name) && !context.MentionedInErrors.Contains(b.Name)))
        {
            diagnostics.Add(Diagnose.UnusedBlock(block.Declaration!.Span, block.Name));
        }
        foreach (var input in context.Facts.Values.Where(f => f.Fact.Input is not null && !context.UsedFacts.Contains(f.Name) && !context.MentionedInErrors.Contains(f.Name)))
        {
            diagnostics.Add(Diagnose.UnusedInput(input.Fact.Input!.Name.Span, input.Name));
        }

        return new SemanticModel(
            document,
            formulary,
            context.Cycles.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            context.Blocks.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            context.PhaseBlocks.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            context.Facts.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            administrations,
            written.ToImmutable(),
            limits.ToImmutable(),
            plan,
            uncertain.ToImmutable(),
            context.SymbolOf)
        {
            LevelTables = levelTables,
        };
    }

    /// <summary>Collects the words of lines that could not be read, and the declarations whose names they hide.</summary>
    private static void NoteErrorLines(RegimenDocument document, BindingContext context)
    {
        foreach (var skipped in document.DescendantsAndSelf().OfType<SkippedTokens>())
        {
            context.MentionedInErrors.UnionWith(skipped.Words);
        }
        foreach (var error in document.Statements.OfType<ErrorStatement>())
        {
            var tokens = error.Skipped.Tokens;
            if (tokens.Length > 0 && tokens[0].IsWord("input"))
            {
                if (tokens.Length > 1 && tokens[1].Kind == TokenKind.Word)
                {
                    context.BrokenInputNames.Add(tokens[1].Text);
                }
                else
                {
                    context.UnreadableInput = true;
                }
            }
        }
        context.UnreadableCycle = document.Cycles.Any(c => c.Name is null);
        context.UnreadableBlock = document.Blocks.Any(b => b.Name is null);
    }

    private static void BindFacts(RegimenDocument document, BindingContext context)
    {
        foreach (var fact in BuiltInFacts.All)
        {
            context.Facts[fact.Name] = new FactSymbol(FactDefinition.From(fact));
        }
        foreach (var input in document.Inputs)
        {
            string name = input.Name.Text;
            if (context.Facts.TryGetValue(name, out var earlier))
            {
                context.Diagnostics.Add(earlier.Fact.IsBuiltIn
                    ? Diagnose.InputShadowsBuiltIn(input.Name.Span, name)
                    : Diagnose.DuplicateName(input.Name.Span, "input", name, earlier.Declaration!.Span.Line));
                continue;
            }
            CheckChoices(input, context.Diagnostics);
            var symbol = new FactSymbol(FactDefinition.From(input));
            context.Facts[name] = symbol;
            context.Record(input.Name, symbol);
        }
    }

    /// <summary>The values of a <c>choice</c> input (RL1034): each once, and none of the words that join conditions.</summary>
    private static void CheckChoices(InputStatement input, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in input.Type.Choices)
        {
            if (value.Text.ToLowerInvariant() is "and" or "or" or "not")
            {
                diagnostics.Add(Diagnose.ChoiceValueReserved(value.Span, input.Name.Text, value.Text));
            }
            else if (!seen.Add(value.Text))
            {
                diagnostics.Add(Diagnose.ChoiceValueTwice(value.Span, input.Name.Text, value.Text));
            }
        }
    }

    /// <summary>Defines the cycles and blocks (the first of a name wins; later ones are duplicates).</summary>
    private static void DefineContainers(RegimenDocument document, BindingContext context)
    {
        foreach (var block in document.Blocks)
        {
            if (block.Name is not { } name)
            {
                continue;
            }
            if (context.Blocks.TryGetValue(name.Text, out var earlier))
            {
                context.Diagnostics.Add(Diagnose.DuplicateName(name.Span, "block", name.Text, earlier.Declaration!.Span.Line));
                continue;
            }
            var symbol = new BlockSymbol(block, name);
            context.Blocks[name.Text] = symbol;
            context.Record(name, symbol);
        }
        foreach (var cycle in document.Cycles)
        {
            if (cycle.Name is not { } name)
            {
                continue;
            }
            if (context.Cycles.TryGetValue(name.Text, out var earlier))
            {
                context.Diagnostics.Add(Diagnose.DuplicateName(name.Span, "cycle", name.Text, earlier.Declaration!.Span.Line));
                continue;
            }
            var symbol = new CycleSymbol(cycle, name);
            context.Cycles[name.Text] = symbol;
            context.Record(name, symbol);
        }
        foreach (var phase in document.PhaseBlocks)
        {
            if (phase.Name is not { } name)
            {
                continue;
            }
            if (context.PhaseBlocks.TryGetValue(name.Text, out var earlier))
            {
                context.Diagnostics.Add(Diagnose.PhaseBlockTwice(name.Span, name.Text, earlier.Declaration!.Span.Line));
                continue;
            }
            context.PhaseBlocks[name.Text] = new PhaseBlockSymbol(phase, name);
        }
    }

    /// <summary>
    /// Splices included blocks into the lines of a cycle (or block), reporting unknown blocks and include
    /// cycles. Each block's spliced lines are computed once and reused (so a fan of includes costs what it
    /// gives), depth first with an explicit stack (so a long chain of includes cannot exhaust the stack),
    /// and no list grows past <see cref="MaxLinesPerCycle"/>. An unknown block is reported at its first
    /// include only, and not at all when its name is on a line that could not be read (that line may define it).
    /// </summary>
    private sealed class IncludeSplicer(BindingContext context, Dictionary<AdministrationLine, BoundAdministration?> bound, HashSet<string> usedBlocks)
    {
        private readonly Dictionary<BlockSymbol, (ImmutableArray<BoundAdministration> Lines, bool Incomplete)> _done = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<SourceSpan> _reported = [];
        private readonly HashSet<string> _unknown = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The complete lines of <paramref name="body"/> with its includes spliced in, and whether any part of it is
        /// incomplete (lines past <see cref="MaxLinesPerCycle"/> make it incomplete too, and set <see cref="Truncated"/>).
        /// </summary>
        public (ImmutableArray<BoundAdministration> Lines, bool Incomplete) Lines(ImmutableArray<BodyLine> body, BlockSymbol? via)
        {
            foreach (var block in Includes(body))
            {
                Resolve(block);
            }
            if (via is not null)
            {
                Resolve(via);
                Truncated = _truncated.Contains(via);
                return _done[via];
            }
            var (lines, incomplete, truncated) = Assemble(body, owner: null, stack: []);
            Truncated = truncated;
            return (lines, incomplete);
        }

        /// <summary>Whether the last <see cref="Lines"/> dropped lines past the limit.</summary>
        public bool Truncated { get; private set; }

        private readonly HashSet<BlockSymbol> _truncated = new(ReferenceEqualityComparer.Instance);

        private IEnumerable<BlockSymbol> Includes(IEnumerable<BodyLine> body) =>
            body.OfType<IncludeLine>().Select(i => context.Blocks.GetValueOrDefault(i.Block.Text)).OfType<BlockSymbol>();

        /// <summary>Assembles <paramref name="root"/> and every block it needs, each after the blocks it includes (post-order).</summary>
        private void Resolve(BlockSymbol root)
        {
            if (_done.ContainsKey(root))
            {
                return;
            }
            var stack = new List<(BlockSymbol Block, IEnumerator<BlockSymbol> Next)> { (root, Includes(root.Syntax.Body).GetEnumerator()) };
            while (stack.Count > 0)
            {
                var (block, next) = stack[^1];
                if (next.MoveNext())
                {
                    var target = next.Current;
                    if (!_done.ContainsKey(target) && !stack.Any(f => ReferenceEquals(f.Block, target)))
                    {
                        stack.Add((target, Includes(target.Syntax.Body).GetEnumerator()));
                    }
                    continue;
                }
                var (lines, incomplete, truncated) = Assemble(block.Syntax.Body, block, [.. stack.Select(f => f.Block)]);
                _done[block] = (lines, incomplete);
                if (truncated)
                {
                    _truncated.Add(block);
                }
                stack.RemoveAt(stack.Count - 1);
            }
        }

        /// <param name="stack">The blocks being assembled, outermost first: an include of one of them closes a cycle.</param>
        private (ImmutableArray<BoundAdministration> Lines, bool Incomplete, bool Truncated) Assemble(ImmutableArray<BodyLine> body, BlockSymbol? owner, List<BlockSymbol> stack)
        {
            var lines = ImmutableArray.CreateBuilder<BoundAdministration>();
            bool incomplete = false, truncated = false;
            foreach (var line in body)
            {
                switch (line)
                {
                    case AdministrationLine administration when bound[administration] is { } b:
                        truncated |= !Add(lines, owner is null ? b : b with { ViaBlock = owner.Name });
                        break;
                    case AdministrationLine or ErrorBodyLine:
                        incomplete = true;
                        break;
                    case IncludeLine include:
                        var (includedIncomplete, includedTruncated) = Include(include, owner, stack, lines);
                        incomplete |= includedIncomplete;
                        truncated |= includedTruncated;
                        break;
                }
            }
            return (lines.ToImmutable(), incomplete || truncated, truncated);
        }

        /// <summary>Splices one include: whether what it brings is incomplete (an unknown block, a cycle of includes, a partial block) and whether lines were dropped past the limit.</summary>
        private (bool Incomplete, bool Truncated) Include(IncludeLine include, BlockSymbol? owner, List<BlockSymbol> stack, ImmutableArray<BoundAdministration>.Builder lines)
        {
            string name = include.Block.Text;
            if (!context.Blocks.TryGetValue(name, out var block))
            {
                if (!context.UnreadableBlock && !context.MentionedInErrors.Contains(name) && _unknown.Add(name))
                {
                    context.Diagnostics.Add(Diagnose.UnknownBlock(include.Block.Span, name, NameSuggester.Suggest(name, context.Blocks.Keys)));
                }
                return (true, false);
            }
            context.Record(include.Block, block);
            if (!ReferenceEquals(owner, block))
            {
                usedBlocks.Add(block.Name);
            }
            if (!_done.TryGetValue(block, out var spliced))
            {
                // The block is still being assembled: this include closes a cycle.
                if (_reported.Add(include.Block.Span))
                {
                    int from = stack.FindIndex(f => ReferenceEquals(f, block));
                    var chain = stack.Skip(Math.Max(0, from)).Select(f => f.Name).Append(block.Name);
                    context.Diagnostics.Add(Diagnose.IncludeCycle(include.Block.Span, block.Name, chain));
                }
                return (true, false);
            }
            bool truncated = _truncated.Contains(block);
            foreach (var line in spliced.Lines)
            {
                truncated |= !Add(lines, line);
            }
            return (spliced.Incomplete, truncated);
        }

        /// <summary>Adds a line unless the list is full; false when it was dropped.</summary>
        private static bool Add(ImmutableArray<BoundAdministration>.Builder lines, BoundAdministration line)
        {
            if (lines.Count >= MaxLinesPerCycle)
            {
                return false;
            }
            lines.Add(line);
            return true;
        }
    }

    private static void CheckHeader(RegimenDocument document, BindingContext context)
    {
        var headers = document.Statements.OfType<HeaderStatement>().ToList();
        if (headers.Count == 0)
        {
            // A header line with an error is a header all the same: it has already been reported.
            bool brokenHeader = document.Statements.OfType<ErrorStatement>().Any(e => e.Skipped.Tokens is [{ } first, ..] && first.IsWord("regimen"));
            if (!brokenHeader)
            {
                var at = document.Statements.Length > 0 ? document.Statements[0].Span : new SourceSpan(0, 0, 1, 1);
                context.Diagnostics.Add(Diagnose.MissingHeader(at with { Length = 0 }));
            }
            return;
        }
        foreach (var extra in headers.Skip(1))
        {
            context.Diagnostics.Add(Diagnose.DuplicateHeader(extra.Span, headers[0].Span.Line));
        }
        var first = document.Statements.FirstOrDefault(s => s is not ErrorStatement);
        if (first is not HeaderStatement)
        {
            context.Diagnostics.Add(Diagnose.HeaderNotFirst(headers[0].Span));
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
                diagnostics.Add(Diagnose.UnknownMetadataKey(item.Key.Span, item.Key.Text, NameSuggester.Suggest(item.Key.Text, MetadataKeys)));
                continue;
            }
            if (key != "source" && seen.TryGetValue(key, out var earlier))
            {
                diagnostics.Add(Diagnose.DuplicateMetadata(item.Key.Span, item.Key.Text, earlier.Span.Line));
                continue;
            }
            seen[key] = item;
            var at = item.Value.Length > 0 ? item.ValueSpan : item.Key.Span;
            Diagnostic? problem = item.Value.Length == 0 ? Diagnose.EmptyMetadata(at, key) : key switch
            {
                "id" when !IdPattern().IsMatch(item.Value) => Diagnose.InvalidId(at, item.Value),
                "status" when !Statuses.Contains(item.Value) => Diagnose.InvalidStatus(at, item.Value),
                "source" when !SourcePattern().IsMatch(item.Value) => Diagnose.InvalidSource(at, item.Value),
                _ => null,
            };
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(NCT\d{8}|doi:10\.\d{4,9}/\S+|pmid:\d{1,9}|https://\S+)$")]
    private static partial Regex SourcePattern();
}
