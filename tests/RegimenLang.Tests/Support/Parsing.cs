using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Support;

/// <summary>Short ways to parse and check snippets in tests.</summary>
public static class Parsing
{
    /// <summary>A header with a source, so that snippets do not draw the missing-source warning.</summary>
    public const string Header = "regimen \"Test\"\nsource: doi:10.2147/BTT.S202746\n";

    public static ParseResult Parse(string text) => RegimenParser.Parse("test.regimen", text);

    /// <summary>Parses and asserts there were no syntax diagnostics.</summary>
    public static RegimenDocument ParseClean(string text)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics));
        return result.Document;
    }

    /// <summary>The single administration line of a one-line cycle.</summary>
    public static AdministrationLine Line(string line)
    {
        var document = ParseClean($"cycle A length 42 days {{\n  {line}\n}}\n");
        return Assert.IsType<AdministrationLine>(Assert.Single(document.Cycles.Single().Body));
    }

    /// <summary>Parse, bind and check with the built-in formulary and the default configuration.</summary>
    public static RegimenCompilation Check(string text) => new(new SourceText("test.regimen", text), RegimenSetup.BuiltIn);

    public static IReadOnlyList<string> Codes(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(d => d.Code)];

    /// <summary>A complete valid regimen around the given cycle body lines.</summary>
    public static string Regimen(params string[] lines) =>
        Header + "cycle A length 28 days {\n" + string.Concat(lines.Select(l => "  " + l + "\n")) + "}\nplan {\n  main: A\n}\n";
}
