using RegimenLang.Diagnostics;

namespace RegimenLang.Output;

/// <summary>Diagnostics as text (the form editors and pre-commit parse), as JSON, and the documentation of a code.</summary>
public static class DiagnosticWriters
{
    /// <summary><c>path:line:col: severity CODE: message</c>, one per line; with <paramref name="color"/>, the severity in colour (ANSI).</summary>
    public static string Text(IEnumerable<Diagnostic> diagnostics, bool color = false) =>
        string.Concat(diagnostics.Select(d => (color ? Colored(d) : d.ToString()) + "\n"));

    private static string Colored(Diagnostic d)
    {
        string code = d.Severity switch
        {
            Severity.Error => "\u001b[1;31m",
            Severity.Warning => "\u001b[1;33m",
            _ => "\u001b[1;36m",
        };
        return $"\u001b[1m{d.File}:{d.Span.Line}:{d.Span.Column}:\u001b[0m {code}{d.Severity.ToName()} {d.Code}\u001b[0m: {d.Message}";
    }

    /// <param name="counts">Every finding by severity, shown or not; by default, those of <paramref name="diagnostics"/>.</param>
    public static TreeValue Tree(IReadOnlyList<string> files, IReadOnlyList<Diagnostic> diagnostics, FindingCounts? counts = null) =>
        new TreeObjectBuilder()
            .Add("files", files.Count)
            .Add("errors", (counts ?? FindingCounts.Of(diagnostics)).Errors)
            .Add("warnings", (counts ?? FindingCounts.Of(diagnostics)).Warnings)
            .Add("diagnostics", new TreeArray([.. diagnostics.Select(d => (TreeValue)new TreeObjectBuilder()
                .Add("file", d.File)
                .Add("line", d.Span.Line)
                .Add("column", d.Span.Column)
                .Add("length", d.Span.Length)
                .Add("severity", d.Severity.ToName())
                .Add("code", d.Code)
                .Add("title", d.Descriptor.Title)
                .Add("message", d.Message)
                .Add("related", new TreeArray([.. d.Related.Select(r => (TreeValue)new TreeObjectBuilder()
                    .Add("file", r.File).Add("line", r.Span.Line).Add("column", r.Span.Column).Add("message", r.Message).Build())]))
                .Add("fixes", new TreeArray([.. d.Fixes.Select(f => (TreeValue)new TreeObjectBuilder()
                    .Add("title", f.Title)
                    .Add("preferred", f.IsPreferred)
                    .Add("edits", new TreeArray([.. f.Edits.Select(e => (TreeValue)new TreeObjectBuilder()
                        .Add("line", e.Span.Line).Add("column", e.Span.Column).Add("length", e.Span.Length).Add("text", e.NewText).Build())]))
                    .Build())]))
                .Build())]))
            .Build();

    /// <summary>The documentation <c>regimen explain</c> prints: the message forms with their holes named, never raw placeholders.</summary>
    public static string Explain(DiagnosticDescriptor d)
    {
        var messages = d.Messages.Select(MessageTemplate.Readable).ToList();
        string message = messages.Count == 1 ? $"Message: {messages[0]}" : "Messages:\n" + string.Join("\n", messages.Select(m => "  - " + m));
        return $"""
            {d.Code}: {d.Title}
            Family: {d.Family.ToName()}. Default severity: {d.DefaultSeverity.ToName()}.
            {message}

            {d.Documentation}

            Example that triggers it:
            {Indent(d.Example)}

            Fixed:
            {Indent(d.Fix)}

            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}
