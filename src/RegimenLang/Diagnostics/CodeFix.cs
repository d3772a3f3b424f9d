using System.Collections.Immutable;
using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

/// <summary>Replace the text of <see cref="Span"/> (in the diagnostic's own file) by <see cref="NewText"/>; an empty span inserts.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText);

/// <summary>
/// A mechanical correction of a finding: what <c>regimen fix</c> applies and an editor offers as a code
/// action. <see cref="IsPreferred"/> fixes are applied by <c>regimen fix</c>; the others (one "did you
/// mean" among several) are offered only.
/// </summary>
public sealed record CodeFix(string Title, ImmutableArray<TextEdit> Edits, bool IsPreferred = true)
{
    public static CodeFix Replace(string title, SourceSpan span, string newText, bool preferred = true) =>
        new(title, [new TextEdit(span, newText)], preferred);
}
