using System.Text;
using System.Text.RegularExpressions;
using RegimenLang.Checking;
using RegimenLang.Checking.Rules;
using RegimenLang.Diagnostics;
using RegimenLang.Fuzz;
using RegimenLang.Semantics.Binding;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Syntax;

/// <summary>
/// Properties of error recovery over seeded mutants of the shipped regimens, damaged by the fuzzer's
/// <see cref="Mutator"/>: a line that is still whole keeps its findings, and damage is reported where it is,
/// without a cascade. Each mutant is parsed, bound and checked directly (no cap on the number of findings,
/// no suppressions, no configuration), so what is compared is what the rules found.
/// </summary>
public sealed partial class MutationPropertyTests
{
    private const int MutantsPerRegimen = 200;

    /// <summary>Fixed, so the test is the same on every run; MUTATION_SEED=n explores other mutants.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("MUTATION_SEED"), out int seed) ? seed : 20261129;

    /// <summary>The findings that belong to one administration line and nothing else: line-scoped rules, notation, the drug's name.</summary>
    private static readonly HashSet<string> LineLocalCodes =
    [
        .. Checker.Rules.Where(r => r.Scope == RuleScope.Line).SelectMany(r => r.Descriptors).Select(d => d.Code),
        .. DiagnosticCatalog.All.Where(d => d.Family == DiagnosticFamily.Notation).Select(d => d.Code),
        DiagnosticCatalog.UnknownDrug.Code,
    ];

    private static readonly Lazy<IReadOnlyList<Mutant>> s_mutants = new(MakeMutants);

    /// <summary>One damaged regimen with what the front end and the checker made of it.</summary>
    private sealed record Mutant(string Regimen, int Number, string Original, string Text, Analysis Analysis);

    private sealed record Analysis(ParseResult Parse, SemanticModel Model, IReadOnlyList<Diagnostic> Diagnostics);

    private static Analysis Analyse(string text)
    {
        var parse = RegimenParser.Parse("mutant.regimen", text);
        var bag = new DiagnosticBag("mutant.regimen");
        bag.AddRange(parse.Diagnostics);
        var model = Binder.Bind(parse.Document, FormularyLoader.BuiltIn, bag);
        Checker.Run(model, null, bag);
        return new Analysis(parse, model, bag.Items);
    }

    private static IReadOnlyList<Mutant> MakeMutants()
    {
        var files = RepoPaths.RegimenFiles.ToList();
        var originals = files.Select(File.ReadAllText).ToList();
        var mutator = new Mutator([.. originals.SelectMany(t => t.Split('\n')).Distinct(StringComparer.Ordinal)]);
        var mutants = new List<Mutant>();
        for (int f = 0; f < files.Count; f++)
        {
            var random = new Random(Seed + f);
            for (int i = 0; i < MutantsPerRegimen; i++)
            {
                // One or two damages: enough lines stay whole to compare, and a cascade has few causes to hide behind.
                string text = mutator.Mutate(originals[f], random, TextKind.Regimen, maxOperations: 2);
                mutants.Add(new Mutant(Path.GetFileName(files[f]), i, originals[f], text, Analyse(text)));
            }
        }
        return mutants;
    }

    // ---- (a) no silent rule ------------------------------------------------------------------------

    /// <summary>What an administration line gets in a file of its own: null when the line does not read cleanly there.</summary>
    private sealed record Alone(string? Drug, HashSet<(string Code, int Column)> Findings);

    private static readonly Dictionary<string, Alone?> s_alone = new(StringComparer.Ordinal);

    /// <summary>
    /// The line in a minimal valid regimen: a header, the input declarations the mutant could read (so that a
    /// condition resolves the same way as in the mutant), and one cycle holding the line alone.
    /// </summary>
    private static Alone? LineAlone(string line, string inputs)
    {
        string key = inputs + "\u0000" + line;
        lock (s_alone)
        {
            if (s_alone.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        string text = Parsing.Header + inputs + "cycle A length 28 days {\n" + line + "\n}\nplan {\n  main: A\n}\n";
        int lineNumber = Parsing.Header.Count(c => c == '\n') + inputs.Count(c => c == '\n') + 2;
        var analysis = Analyse(text);
        Alone? alone = null;
        var body = analysis.Parse.Document.Cycles.Single().Body;
        if (body is [AdministrationLine { HasErrors: false } administration] && !analysis.Parse.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            alone = new Alone(DrugOf(analysis.Model, administration), LineLocal(analysis.Diagnostics, lineNumber));
        }
        lock (s_alone)
        {
            s_alone[key] = alone;
        }
        return alone;
    }

    private static string? DrugOf(SemanticModel model, AdministrationLine line) =>
        model.WrittenAdministrations.FirstOrDefault(w => ReferenceEquals(w.Line, line))?.Drug?.Name;

    /// <summary>The line-local findings on a line, by code and column (the column is the same wherever the line stands).</summary>
    private static HashSet<(string Code, int Column)> LineLocal(IEnumerable<Diagnostic> diagnostics, int line) =>
        [.. diagnostics.Where(d => d.Span.Line == line && LineLocalCodes.Contains(d.Code)).Select(d => (d.Code, d.Span.Column))];

    /// <summary>The text of each line of a source (1-based), as the parser splits lines.</summary>
    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>
    /// No silent rule: an administration line that is intact in a mutant (it reads cleanly alone, it stands in a block or
    /// cycle whose opening line was read, its drug resolves the same) gets every line-local finding there that it gets in
    /// a file of its own, at the same column.
    /// </summary>
    [Fact]
    public void An_intact_administration_line_keeps_its_line_local_findings_whatever_else_is_damaged()
    {
        var failures = new List<string>();
        int compared = 0;
        foreach (var mutant in s_mutants.Value)
        {
            var document = mutant.Analysis.Parse.Document;
            var lines = Lines(mutant.Text);
            // The inputs the mutant could read, as written: a condition names them.
            string inputs = string.Concat(document.Inputs.Select(i => lines[i.Span.Line - 1] + "\n"));
            // Only lines in a block or cycle whose opening line was read: elsewhere a line is not an administration.
            var containers = document.Statements
                .Select(s => s switch
                {
                    CycleStatement { Name: not null, HeaderSkipped.IsEmpty: true } c => c.Body,
                    BlockStatement { Name: not null, HeaderSkipped.IsEmpty: true } b => b.Body,
                    _ => [],
                });
            foreach (var node in containers.SelectMany(body => body))
            {
                int number = node.Span.Line;
                if (LineAlone(lines[number - 1], inputs) is not { } alone)
                {
                    continue; // not intact: the line itself is damaged
                }
                compared++;
                string where = $"{mutant.Regimen} mutant {mutant.Number}, line {number}: {lines[number - 1].Trim()}";
                if (node is not AdministrationLine { HasErrors: false } administration)
                {
                    failures.Add($"{where}\n  reads cleanly alone but not in the mutant ({node.GetType().Name})");
                    continue;
                }
                if (DrugOf(mutant.Analysis.Model, administration) != alone.Drug)
                {
                    failures.Add($"{where}\n  the drug resolves differently");
                    continue;
                }
                var found = LineLocal(mutant.Analysis.Diagnostics, number);
                var missing = alone.Findings.Where(f => !found.Contains(f)).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"{where}\n  missing in the mutant: {string.Join(", ", missing)}; the mutant has: {string.Join(", ", found)}");
                }
            }
        }
        Assert.True(compared > 15_000, $"only {compared} intact lines compared");
        Assert.True(failures.Count == 0, $"{failures.Count} intact lines lost findings:\n" + string.Join("\n", failures.Take(10)));
    }

    // ---- (b) no cascade ------------------------------------------------------------------------------

    /// <summary>
    /// Where each line stands in the tree (1-based): at the top level, opening or closing a block, cycle or plan, in
    /// the body of one, or the header as the first statement (or not). A line keeps its role unless damage elsewhere
    /// moved it (a lost '{', a stray '}', a statement put before the header).
    /// </summary>
    private static string[] Roles(Analysis analysis, int lineCount)
    {
        var roles = Enumerable.Repeat("top", lineCount + 1).ToArray();
        var source = analysis.Parse.Source;
        var document = analysis.Parse.Document;
        if (document.Statements.FirstOrDefault(s => s is not ErrorStatement) is HeaderStatement first)
        {
            roles[first.Span.Line] = "first";
        }
        foreach (var statement in document.Statements)
        {
            (string Kind, IEnumerable<SyntaxNode> Body)? container = statement switch
            {
                CycleStatement c => ("cycle", c.Body),
                BlockStatement b => ("block", b.Body),
                PlanStatement p => ("plan", p.Lines),
                _ => null,
            };
            if (container is not { } open)
            {
                continue;
            }
            roles[statement.Span.Line] = "open";
            int last = source.Position(Math.Max(statement.Span.Start, statement.Span.End - 1)).Line;
            if (last > statement.Span.Line && last <= lineCount)
            {
                roles[last] = "close";
            }
            foreach (var node in open.Body)
            {
                roles[node.Span.Line] = "in " + open.Kind;
            }
        }
        return roles;
    }

    private static readonly Dictionary<string, string[]> s_originalRoles = new(StringComparer.Ordinal);

    private static string[] OriginalRoles(string original, int lineCount)
    {
        lock (s_originalRoles)
        {
            if (!s_originalRoles.TryGetValue(original, out var roles))
            {
                roles = Roles(Analyse(original), lineCount);
                s_originalRoles[original] = roles;
            }
            return roles;
        }
    }

    /// <summary>
    /// The broken lines of a mutant: the lines of the mutant and of the original that a line diff does not pair
    /// (inserted, changed or deleted), and the lines it pairs that no longer stand where they stood (an administration
    /// line pushed out of its cycle by a lost opening line or a stray '}', a phase out of its plan, the header no longer
    /// first: the line is whole but out of place, and reading it where it now stands is a finding of its own).
    /// </summary>
    private static (List<string> Inserted, List<string> Deleted, List<string> Moved) BrokenLines(Mutant mutant)
    {
        var a = Lines(mutant.Original);
        var b = Lines(mutant.Text);
        var rolesA = OriginalRoles(mutant.Original, a.Length);
        var rolesB = Roles(mutant.Analysis, b.Length);
        // Longest common subsequence of whole lines (files of a few hundred lines: a table is cheap).
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var inserted = new List<string>();
        var deleted = new List<string>();
        var moved = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                if (rolesA[x + 1] != rolesB[y + 1] && a[x].Trim().Length > 0 && !a[x].TrimStart().StartsWith('#'))
                {
                    moved.Add(b[y]);
                }
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                inserted.Add(b[y++]);
            }
            else
            {
                deleted.Add(a[x++]);
            }
        }
        return (inserted, deleted, moved);
    }

    /// <summary>
    /// Whether a line declares something that others refer to or that may be given once: a cycle, a block, an input or a
    /// phase (its name: a duplicate is a finding of its own, besides what is wrong with the line), a metadata key, or the
    /// header or the plan (the file's singletons: a second one is RL1010).
    /// </summary>
    private static bool Declares(string line)
    {
        var words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && (words[0].ToLowerInvariant() is "cycle" or "block" or "input" or "regimen" or "plan" || NamedLine().IsMatch(line));
    }

    /// <summary>A phase (<c>name: sequence</c>) or metadata (<c>key: value</c>) line.</summary>
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9_-]*\s*:")]
    private static partial Regex NamedLine();

    /// <summary>
    /// No cascade: a mutant has at most one syntax or name error per broken line (changed, deleted, or whole but moved:
    /// see <see cref="BrokenLines"/>) plus one per declaration on a changed or deleted line (a duplicate or now missing
    /// name is a finding of its own). Undefined names count once, at their first use; a line that could not be read makes
    /// the names on it possibly defined (MentionedInErrors in the binder), and the parser reports one finding per line
    /// (LineDiagnostics).
    /// </summary>
    [Fact]
    public void Damage_gives_no_more_errors_than_the_lines_it_broke_and_the_names_they_declared()
    {
        var failures = new List<string>();
        foreach (var mutant in s_mutants.Value)
        {
            var (inserted, deleted, moved) = BrokenLines(mutant);
            int budget = inserted.Count + deleted.Count + moved.Count + inserted.Count(Declares) + deleted.Count(Declares);
            // Only syntax and name errors count (families 0 and 1): damage that leaves a valid but different program (a dose
            // made ten times larger, a day moved outside its cycle, a line moved to another cycle) rightly gets the dose,
            // schedule and interval findings of that program, as many as it earns; those are not a cascade.
            var errors = mutant.Analysis.Diagnostics
                .Where(d => d.Severity == Severity.Error && d.Descriptor.Family is DiagnosticFamily.Syntax or DiagnosticFamily.Names)
                .ToList();
            if (errors.Count > budget)
            {
                var report = new StringBuilder()
                    .Append(mutant.Regimen).Append(" mutant ").Append(mutant.Number).Append(": ").Append(errors.Count)
                    .Append(" errors for ").Append(inserted.Count + deleted.Count).Append(" changed and ").Append(moved.Count).Append(" moved lines (budget ").Append(budget).Append(")\n");
                foreach (var line in deleted.Take(3))
                {
                    report.Append("  - ").Append(Short(line)).Append('\n');
                }
                foreach (var line in inserted.Take(3))
                {
                    report.Append("  + ").Append(Short(line)).Append('\n');
                }
                foreach (var error in errors.Take(8))
                {
                    report.Append("    ").Append(error.Span.Line).Append(':').Append(error.Span.Column).Append(' ').Append(error.Code).Append(' ').Append(Short(error.Message)).Append('\n');
                }
                failures.Add(report.ToString());
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {s_mutants.Value.Count} mutants cascade:\n" + string.Join("\n", failures.Take(12)));
    }

    private static string Short(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 140 ? line : line[..140] + "...";
    }
}
