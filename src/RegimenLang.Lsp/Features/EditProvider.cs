using RegimenLang.Diagnostics;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Protocol;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Lsp.Features;

/// <summary>
/// Edits the server proposes: the canonical layout of <c>regimen fmt</c> (the same formatter) and, as code actions,
/// the structured fixes the findings carry (what <c>regimen fix</c> applies), one action per fix plus "fix all".
/// </summary>
public sealed class EditProvider(DiagnosticConverter converter)
{
    public const string FixAllKind = "source.fixAll.regimen";

    /// <summary>One edit from the first to the last changed character; none when the file has syntax errors or is already canonical.</summary>
    public static List<Protocol.TextEdit> Format(OpenDocument document)
    {
        if (document.Compilation is not { } compilation)
        {
            return [];
        }
        var result = RegimenFormatter.Format(compilation.Source);
        if (!result.Succeeded || result.Text is not { } formatted)
        {
            return []; // a file with syntax errors is left as it is, as 'regimen fmt' leaves it; the findings say why
        }
        return Difference(compilation.Source, formatted) is { } edit ? [edit] : [];
    }

    /// <summary>The smallest single edit that turns the text into <paramref name="target"/>, or null when they are equal.</summary>
    public static Protocol.TextEdit? Difference(SourceText source, string target)
    {
        string text = source.Text;
        if (string.Equals(text, target, StringComparison.Ordinal))
        {
            return null;
        }
        int prefix = 0;
        int max = Math.Min(text.Length, target.Length);
        while (prefix < max && text[prefix] == target[prefix])
        {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && text[^(suffix + 1)] == target[^(suffix + 1)])
        {
            suffix++;
        }
        // Never split a CRLF pair or a surrogate pair between the kept and the replaced text.
        while (prefix > 0 && (char.IsHighSurrogate(text[prefix - 1]) || text[prefix - 1] == '\r'))
        {
            prefix--;
        }
        var range = new Protocol.Range(PositionMap.ToPosition(source, prefix), PositionMap.ToPosition(source, text.Length - suffix));
        return new Protocol.TextEdit(range, target[prefix..^suffix]);
    }

    public List<CodeAction> CodeActions(OpenDocument document, Protocol.Range range)
    {
        var actions = new List<CodeAction>();
        if (document.Compilation is not { } compilation)
        {
            return actions;
        }
        var source = compilation.Source;
        int start = PositionMap.ToOffset(source, range.Start);
        int end = PositionMap.ToOffset(source, range.End);
        var findings = DiagnosticConverter.FindingsOf(document);
        foreach (var diagnostic in findings.Where(d => !d.Fixes.IsEmpty && DiagnosticConverter.Overlaps(d.Span, start, end)))
        {
            var lsp = converter.Convert(diagnostic, document);
            foreach (var fix in diagnostic.Fixes)
            {
                actions.Add(new CodeAction(fix.Title, "quickfix", [lsp], fix.IsPreferred, Edit(document, source, fix.Edits)));
            }
        }
        var preferred = findings.SelectMany(d => d.Fixes.Where(f => f.IsPreferred).Take(1)).ToList();
        if (preferred.Count > 0)
        {
            var (fixedText, applied) = FixRun.Apply(source.Text, preferred);
            if (applied > 0 && Difference(source, fixedText) is { } edit)
            {
                actions.Add(new CodeAction($"Apply {Words.Count(applied, "fix", "fixes")} (regimen fix)", FixAllKind, null, false,
                    new WorkspaceEdit(new Dictionary<string, List<Protocol.TextEdit>> { [document.Uri] = [edit] })));
            }
        }
        return actions;
    }

    private static WorkspaceEdit Edit(OpenDocument document, SourceText source, IEnumerable<Diagnostics.TextEdit> edits) =>
        new(new Dictionary<string, List<Protocol.TextEdit>>
        {
            [document.Uri] = [.. edits.Select(e => new Protocol.TextEdit(PositionMap.ToRange(source, e.Span), e.NewText))],
        });
}
