using System.Text.Json;
using System.Text.Json.Nodes;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Features;
using RegimenLang.Lsp.JsonRpc;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Lsp;

/// <summary>The server's requests in this process, over framed streams: lifecycle, diagnostics, and each feature.</summary>
public sealed class LanguageServerTests
{
    private static readonly string Hcvad = RepoPaths.Combine("regimens", "08-hcvad-blina-frontline.regimen");
    private static readonly string HcvadUri = DocumentUri.FromPath(Hcvad);
    private static readonly string HcvadText = File.ReadAllText(Hcvad);

    private static (int Line, int Character) PositionOf(string text, string needle, int delta = 0)
    {
        int index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, needle);
        index += delta;
        int line = text[..index].Count(c => c == '\n');
        return (line, index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1));
    }

    private static JsonObject At(string uri, string text, string needle, int delta = 0)
    {
        var (line, character) = PositionOf(text, needle, delta);
        return LspSession.At(uri, line, character);
    }

    [Fact]
    public void Requests_before_initialize_and_after_shutdown_are_refused_and_exit_says_whether_shutdown_came_first()
    {
        var session = new LspSession();
        int early = session.Request("textDocument/hover", LspSession.At(HcvadUri, 0, 0));
        session.Initialize();
        int shutdown = session.Request("shutdown");
        int late = session.Request("textDocument/hover", LspSession.At(HcvadUri, 0, 0));
        session.Notify("exit");
        var result = session.Run();
        Assert.Equal(RpcErrorCodes.ServerNotInitialized, result.ErrorCode(early));
        Assert.Equal(JsonValueKind.Null, result.Result(shutdown).ValueKind);
        Assert.Equal(RpcErrorCodes.InvalidRequest, result.ErrorCode(late));
        Assert.Equal(0, result.ExitCode);

        var abrupt = new LspSession();
        abrupt.Initialize();
        Assert.Equal(1, abrupt.Run().ExitCode); // the input ended without shutdown and exit
    }

    [Fact]
    public void Published_findings_are_those_of_regimen_check_for_every_shipped_regimen_and_rule_fixture()
    {
        var files = RepoPaths.RegimenFiles
            .Concat(Directory.EnumerateFiles(RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Rules"), "*.regimen"))
            .Order(StringComparer.Ordinal).ToList();
        var session = new LspSession();
        session.Initialize();
        foreach (var file in files)
        {
            session.Open(DocumentUri.FromPath(file), File.ReadAllText(file));
        }
        var result = session.Run();
        var check = CheckRun.Run(new RegimenWorkspace(PhysicalFileSystem.Instance), files);
        int compared = 0;
        foreach (var file in files)
        {
            var published = Assert.Single(result.Published(DocumentUri.FromPath(file)));
            Assert.Equal(1, published.GetProperty("version").GetInt32());
            var fromServer = published.GetProperty("diagnostics").EnumerateArray()
                .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1}:{d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32() + 1} {d.GetProperty("message").GetString()}")
                .Order(StringComparer.Ordinal).ToList();
            var fromCheck = check.Results.Single(r => r.Path == file.Replace('\\', '/')).Diagnostics
                .Select(d => $"{d.Code} {d.Span.Line}:{d.Span.Column} {d.Message}").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(fromCheck, fromServer);
            compared += fromCheck.Count;
        }
        Assert.True(compared > 50, $"only {compared} findings compared");
    }

    [Fact]
    public void A_finding_links_its_docs_page_and_its_related_limit_line()
    {
        string uri = "file:///tmp/lsp-related.regimen";
        string text = Parsing.Regimen("doxorubicin 500 mg/m2 IV day 1").Replace("plan {", "limit doxorubicin 450 mg/m2 per dose\nplan {", StringComparison.Ordinal);
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, text);
        var result = session.Run(options: new RegimenLang.Lsp.LanguageServerOptions(TimeSpan.Zero, [], "https://docs.example/diagnostics/"));
        var diagnostics = Assert.Single(result.Published(uri)).GetProperty("diagnostics").EnumerateArray().ToList();
        var over = diagnostics.First(d => d.TryGetProperty("relatedInformation", out _));
        string code = over.GetProperty("code").GetString()!;
        Assert.Equal($"https://docs.example/diagnostics/{code}.md", over.GetProperty("codeDescription").GetProperty("href").GetString());
        var related = over.GetProperty("relatedInformation")[0].GetProperty("location");
        Assert.Equal(uri, related.GetProperty("uri").GetString());
        Assert.Equal(PositionOf(text, "limit doxorubicin").Line, related.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public void Hover_shows_formulary_facts_the_computed_dose_the_cycle_and_a_code()
    {
        var session = new LspSession();
        session.Initialize();
        session.Open(HcvadUri, HcvadText);
        int drug = session.Request("textDocument/hover", At(HcvadUri, HcvadText, "vincristine 2 mg IV", 3));
        int dose = session.Request("textDocument/hover", At(HcvadUri, HcvadText, "doxorubicin 50 mg/m2", 14));
        int cycle = session.Request("textDocument/hover", At(HcvadUri, HcvadText, "cycle blin", 7));
        int code = session.Request("textDocument/hover", At(HcvadUri, HcvadText, "RL2006", 3));
        int nowhere = session.Request("textDocument/hover", LspSession.At("file:///never/opened.regimen", 0, 0));
        var result = session.Run();
        string Text(int id) => result.Result(id).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("vincristine", Text(drug), StringComparison.Ordinal);
        Assert.Contains("IT", Text(drug), StringComparison.Ordinal);
        // 50 mg/m2 for 170 cm and 72 kg (Mosteller: sqrt(170 x 72 / 3600) = 1.84 m2) is 92 mg, on day 4 of each course A,
        // as regimens/08-hcvad-blina-frontline.timeline.txt has it.
        Assert.Contains("dose: 92 mg\n", Text(dose), StringComparison.Ordinal);
        Assert.Contains("induction 1 (course-a) day 4; induction 3 (course-a) day 4", Text(dose), StringComparison.Ordinal);
        Assert.Contains("2026-01-08", Text(dose), StringComparison.Ordinal);
        Assert.Contains("cycle blin", Text(cycle), StringComparison.Ordinal);
        Assert.Contains("42 days", Text(cycle), StringComparison.Ordinal);
        Assert.Contains("RL2006", Text(code), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, result.Result(nowhere).ValueKind);
    }

    [Fact]
    public void Every_word_completion_offers_after_the_route_parses_in_a_line()
    {
        // The vocabulary is the grammar's: each frequency and unit, written into a line, must read without a syntax error.
        foreach (var frequency in Vocabulary.Frequencies)
        {
            var syntax = Parsing.Check(Parsing.Regimen($"methotrexate 10 mg PO {frequency} days 1-3")).Syntax;
            Assert.True(syntax.Diagnostics.Count == 0, $"{frequency}: {string.Join("; ", syntax.Diagnostics)}");
        }
        foreach (var unit in Vocabulary.Units)
        {
            string days = unit.EndsWith("/day", StringComparison.Ordinal) ? "CIV days 1-3" : "IV day 1";
            var syntax = Parsing.Check(Parsing.Regimen($"methotrexate 10 {unit} {days}")).Syntax;
            Assert.True(syntax.Diagnostics.Count == 0, $"{unit}: {string.Join("; ", syntax.Diagnostics)}");
        }
        foreach (var route in Vocabulary.Routes)
        {
            Assert.Empty(Parsing.Check(Parsing.Regimen($"methotrexate 10 mg {route} day 1")).Syntax.Diagnostics);
        }
    }

    [Fact]
    public void Completion_follows_the_place_in_the_line()
    {
        string uri = "file:///tmp/lsp-complete.regimen";
        string text = "regimen \"C\"\ninput cd20: percent\nblock it {\n  methotrexate 12 mg IT day 2\n}\ncycle a length 21 days {\n  \n  include \n  rituximab 375 mg/m2 IV day 1 when cd20 >= 20% and \n  vincristine 2 mg IV days 1, 8 \n}\nplan {\n  main: a then \n}\n\n";
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, text);
        int drugs = session.Request("textDocument/completion", LspSession.At(uri, 6, 2));
        int blocks = session.Request("textDocument/completion", LspSession.At(uri, 7, 10));
        int facts = session.Request("textDocument/completion", LspSession.At(uri, 8, 52));
        int clauses = session.Request("textDocument/completion", LspSession.At(uri, 9, 32));
        int cycles = session.Request("textDocument/completion", LspSession.At(uri, 12, 15));
        int top = session.Request("textDocument/completion", LspSession.At(uri, 14, 0));
        int outside = session.Request("textDocument/completion", LspSession.At(uri, -3, -1)); // a position no line has: answered, not a crash
        var result = session.Run();
        List<string> Labels(int id) => [.. result.Result(id).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];
        Assert.Contains("vincristine", Labels(drugs));
        Assert.Contains("include", Labels(drugs));
        Assert.Equal(["it"], Labels(blocks));
        Assert.Contains("cd20", Labels(facts));
        Assert.Contains("age", Labels(facts));
        Assert.Contains("when", Labels(clauses));
        Assert.Contains("weekly", Labels(clauses));
        Assert.Contains("a", Labels(cycles));
        Assert.Contains("rest", Labels(cycles));
        Assert.Contains("cycle", Labels(top));
        Assert.Contains("source:", Labels(top));
        Assert.Contains("cycle", Labels(outside));
    }

    [Fact]
    public void Completion_in_a_plan_offers_branches_and_open_ended_repeats()
    {
        string uri = "file:///tmp/lsp-branch.regimen";
        string text = "regimen \"B\"\ninput pet2: choice negative | positive\ncycle a length 28 days {\n  vincristine 2 mg IV day 1\n}\ncycle b length 21 days {\n  vincristine 2 mg IV day 1\n}\nplan {\n  main: a x 2 then (a x 4 \n  more: b when pet2 = positive else \n}\n";
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, text);
        int after = session.Request("textDocument/completion", LspSession.At(uri, 9, 26));
        int otherwise = session.Request("textDocument/completion", LspSession.At(uri, 10, 36));
        var result = session.Run();
        List<string> Labels(int id) => [.. result.Result(id).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];
        Assert.Contains("when", Labels(after));
        Assert.Contains("else", Labels(after));
        Assert.Contains("repeat until", Labels(after));
        Assert.Contains("b", Labels(otherwise));
        Assert.DoesNotContain("else", Labels(otherwise));
    }

    [Fact]
    public void Rename_changes_every_mention_of_a_label_or_a_cycle_and_refuses_drugs_and_non_names()
    {
        string uri = "file:///tmp/lsp-rename.regimen";
        string text = Parsing.Regimen("paclitaxel 175 mg/m2 IV over 3 h day 1 as taxol", "dexamethasone 20 mg PO 12 h before taxol");
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, text);
        int rename = session.Request("textDocument/rename", Rename(uri, text, "before taxol", 8, "ptx"));
        int drug = session.Request("textDocument/rename", Rename(uri, text, "dexamethasone", 2, "dex"));
        int cycle = session.Request("textDocument/rename", Rename(uri, text, "cycle A", 6, "course-1"));
        int bad = session.Request("textDocument/rename", Rename(uri, text, "as taxol", 4, "a b"));
        int references = session.Request("textDocument/references", At(uri, text, "as taxol", 4));
        var result = session.Run();
        var edits = result.Result(rename).GetProperty("changes").GetProperty(uri).EnumerateArray().ToList();
        Assert.Equal(2, edits.Count);
        Assert.All(edits, e => Assert.Equal("ptx", e.GetProperty("newText").GetString()));
        Assert.Equal(RpcErrorCodes.RequestFailed, result.ErrorCode(drug));
        Assert.Equal(2, result.Result(cycle).GetProperty("changes").GetProperty(uri).GetArrayLength()); // the cycle and its use in the plan
        Assert.Equal(RpcErrorCodes.InvalidParams, result.ErrorCode(bad));
        Assert.Equal(2, result.Result(references).GetArrayLength());
    }

    private static JsonObject Rename(string uri, string text, string needle, int delta, string newName)
    {
        var at = At(uri, text, needle, delta);
        at["newName"] = newName;
        return at;
    }

    [Fact]
    public void Formatting_gives_the_formatter_s_text_and_nothing_for_a_file_with_syntax_errors()
    {
        string uri = "file:///tmp/lsp-format.regimen";
        string messy = "regimen   \"F\"\nid: f\nsource: NCT00000000\ncycle a length 21 days {\nvincristine   2 mg IV   day 1\n}\nplan {\n main: a x 2\n}\n";
        string broken = "file:///tmp/lsp-broken.regimen";
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, messy);
        session.Open(broken, "regimen \"B\"\ncycle a length 21 days {\n  vincristine 2 mg day 1 zzz\n}\n");
        int format = session.Request("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true } });
        int refused = session.Request("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = broken } });
        var result = session.Run();
        var edit = Assert.Single(result.Result(format).EnumerateArray());
        var source = new RegimenLang.Text.SourceText(uri, messy);
        var range = edit.GetProperty("range");
        int start = PositionMap.ToOffset(source, new RegimenLang.Lsp.Protocol.Position(range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32()));
        int end = PositionMap.ToOffset(source, new RegimenLang.Lsp.Protocol.Position(range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32()));
        string formatted = messy[..start] + edit.GetProperty("newText").GetString() + messy[end..];
        Assert.Equal(RegimenLang.Syntax.Formatting.RegimenFormatter.Format(uri, messy).Text, formatted);
        Assert.Equal(0, result.Result(refused).GetArrayLength());
    }

    [Fact]
    public void Outline_folding_inlay_hints_and_semantic_tokens_of_a_shipped_regimen()
    {
        var session = new LspSession();
        session.Initialize();
        session.Open(HcvadUri, HcvadText);
        var document = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = HcvadUri } };
        int symbols = session.Request("textDocument/documentSymbol", document.DeepClone());
        int folding = session.Request("textDocument/foldingRange", document.DeepClone());
        int tokens = session.Request("textDocument/semanticTokens/full", document.DeepClone());
        var range = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 999, ["character"] = 0 } };
        int hints = session.Request("textDocument/inlayHint", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = HcvadUri }, ["range"] = range });
        var result = session.Run();

        var outline = result.Result(symbols).EnumerateArray().ToList();
        var courseB = outline.Single(s => s.GetProperty("name").GetString() == "course-b");
        Assert.Contains(courseB.GetProperty("children").EnumerateArray(), c => c.GetProperty("name").GetString() == "leucovorin");
        Assert.Contains(outline, s => s.GetProperty("name").GetString() == "intrathecal");

        int cycleLine = PositionOf(HcvadText, "cycle course-b").Line;
        Assert.Contains(result.Result(folding).EnumerateArray(), f => f.GetProperty("startLine").GetInt32() == cycleLine && f.GetProperty("kind").GetString() == "region");

        var labels = result.Result(hints).EnumerateArray().Select(h => (Line: h.GetProperty("position").GetProperty("line").GetInt32(), Label: h.GetProperty("label").GetString()!)).ToList();
        Assert.Contains((PositionOf(HcvadText, "doxorubicin 50 mg/m2").Line, "= 92 mg"), labels);
        Assert.Contains(labels, l => l.Line == cycleLine && l.Label.StartsWith("plan days 22-42", StringComparison.Ordinal));

        // Decoded tokens: the drug at the start of a line is a function, its route an enum member, its unit a type.
        var decoded = SemanticTokenDecoding.Decode(result.Result(tokens));
        var (vLine, vChar) = PositionOf(HcvadText, "vincristine 2 mg IV");
        Assert.Contains((vLine, vChar, "vincristine".Length, "function"), decoded);
        Assert.Contains((vLine, vChar + "vincristine 2 ".Length, 2, "type"), decoded);
        Assert.Contains((vLine, vChar + "vincristine 2 mg ".Length, 2, "enumMember"), decoded);
        var (cLine, cChar) = PositionOf(HcvadText, "cycle course-b");
        Assert.Contains((cLine, cChar, 5, "keyword"), decoded);
        Assert.Contains((cLine, cChar + 6, "course-b".Length, "class"), decoded);
    }
}
