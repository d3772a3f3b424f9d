using RegimenLang.Diagnostics;

namespace RegimenLang.Output;

/// <summary>Diagnostics as text (the form editors and pre-commit parse) and as JSON.</summary>
public static class DiagnosticWriters
{
    /// <summary><c>path:line:col: severity CODE: message</c>, one per line.</summary>
    public static string Text(IEnumerable<Diagnostic> diagnostics) =>
        string.Concat(diagnostics.Select(d => d + "\n"));

    public static TreeValue Tree(IReadOnlyList<string> files, IReadOnlyList<Diagnostic> diagnostics) =>
        new TreeObjectBuilder()
            .Add("files", files.Count)
            .Add("errors", diagnostics.Count(d => d.Severity == Severity.Error))
            .Add("warnings", diagnostics.Count(d => d.Severity == Severity.Warning))
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
                .Build())]))
            .Build();

    /// <summary>The documentation <c>regimen explain</c> prints.</summary>
    public static string Explain(DiagnosticDescriptor d) =>
        $"""
        {d.Code}: {d.Title}
        Family: {d.Family}. Default severity: {d.DefaultSeverity.ToName()}.
        Message: {d.MessageTemplate}

        {d.Documentation}

        Example that triggers it:
        {Indent(d.Example)}

        Fixed:
        {Indent(d.Fix)}

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "    " + l));
}
