using System.Reflection;
using RegimenLang.Diagnostics;

namespace RegimenLang.Output;

/// <summary>
/// Diagnostics as a SARIF 2.1.0 log for code-scanning dashboards: one run, the tool's rules (every
/// catalogue entry that was reported, with its documentation), and one result per finding with its
/// location and related locations (the violated limit or formulary entry).
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static TreeValue Build(IReadOnlyList<Diagnostic> diagnostics, string? workingDirectory = null)
    {
        var rules = diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);

        var driver = new TreeObjectBuilder()
            .Add("name", "regimen")
            .Add("version", ToolInfo.Version)
            .Add("rules", new TreeArray([.. rules.Select(Rule)]))
            .Build();

        var run = new TreeObjectBuilder()
            .Add("tool", new TreeObjectBuilder().Add("driver", driver).Build())
            .Add("columnKind", "utf16CodeUnits");
        if (workingDirectory is not null)
        {
            run.Add("originalUriBaseIds", new TreeObjectBuilder()
                .Add("SRCROOT", new TreeObjectBuilder().Add("uri", DirectoryUri(workingDirectory)).Build()).Build());
        }
        run.Add("results", new TreeArray([.. diagnostics.Select(d => Result(d, index[d.Code], workingDirectory is not null))]));

        return new TreeObjectBuilder()
            .Add("$schema", SchemaUri)
            .Add("version", "2.1.0")
            .Add("runs", new TreeArray([run.Build()]))
            .Build();
    }

    private static TreeValue Rule(DiagnosticDescriptor d) => new TreeObjectBuilder()
        .Add("id", d.Code)
        .Add("name", Pascal(d.Title))
        .Add("shortDescription", Text(d.Title))
        .Add("fullDescription", Text(d.Documentation))
        .Add("help", new TreeObjectBuilder()
            .Add("text", $"{d.Documentation}\n\nExample:\n{d.Example}\n\nFix:\n{d.Fix}")
            .Add("markdown", $"{d.Documentation}\n\nExample:\n```\n{d.Example}\n```\n\nFix:\n```\n{d.Fix}\n```")
            .Build())
        .Add("defaultConfiguration", new TreeObjectBuilder().Add("level", Level(d.DefaultSeverity)).Build())
        .Add("properties", new TreeObjectBuilder().Add("category", d.Family.ToName()).Build())
        .Build();

    private static TreeValue Result(Diagnostic d, int ruleIndex, bool relative)
    {
        var result = new TreeObjectBuilder()
            .Add("ruleId", d.Code)
            .Add("ruleIndex", ruleIndex)
            .Add("level", Level(d.Severity))
            .Add("message", Text(d.Message))
            .Add("locations", new TreeArray([Location(d.File, d.Span.Line, d.Span.Column, d.Span.Length, null, null, relative)]));
        if (d.Related.Count > 0)
        {
            result.Add("relatedLocations", new TreeArray([.. d.Related.Select((r, i) =>
                Location(r.File, r.Span.Line, r.Span.Column, r.Span.Length, i + 1, r.Message, relative))]));
        }
        return result.Build();
    }

    private static TreeValue Location(string file, int line, int column, int length, int? id, string? message, bool relative)
    {
        var region = new TreeObjectBuilder().Add("startLine", Math.Max(1, line)).Add("startColumn", Math.Max(1, column));
        if (length > 0)
        {
            region.Add("endColumn", Math.Max(1, column) + length);
        }
        var artifact = new TreeObjectBuilder().Add("uri", Uri(file));
        if (relative && !file.StartsWith('<') && !Path.IsPathRooted(file))
        {
            artifact.Add("uriBaseId", "SRCROOT");
        }
        var physical = new TreeObjectBuilder().Add("artifactLocation", artifact.Build()).Add("region", region.Build()).Build();
        var location = new TreeObjectBuilder();
        if (id is { } i)
        {
            location.Add("id", i);
        }
        location.Add("physicalLocation", physical);
        if (message is not null)
        {
            location.Add("message", Text(message));
        }
        return location.Build();
    }

    /// <summary>A file path as a URI reference: relative paths stay relative; the built-in formulary gets a URN.</summary>
    public static string Uri(string file)
    {
        if (file.StartsWith('<'))
        {
            return "urn:regimenlang:builtin-formulary.yaml";
        }
        string path = file.Replace('\\', '/');
        return Path.IsPathRooted(file)
            ? new Uri(Path.GetFullPath(file)).AbsoluteUri
            : string.Join("/", path.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string DirectoryUri(string directory)
    {
        string uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static TreeValue Text(string text) => new TreeObjectBuilder().Add("text", text).Build();

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Pascal(string title) =>
        string.Concat(title.Split([' ', '-', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
