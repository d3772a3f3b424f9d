using System.Text.Json;
using System.Text.Json.Nodes;
using RegimenLang.Lsp.Documents;
using RegimenLang.Lsp.Features;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Lsp;

/// <summary>
/// The server on a regimen with dose levels and a choice input, and the reference patient a <c>regimen.yaml</c> names:
/// completion inside a <c>levels</c> line, hovers with the level table, the outline, semantic tokens and inlay hints.
/// </summary>
public sealed class DoseLevelFeaturesTests
{
    private const string Regimen = "/repo/protocols/folfiri.regimen";

    private static readonly string Text = Parsing.Header
        + "input pet2: choice negative | positive \"Interim PET\"\n"
        + "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, -2: 75%, -3: omit }\n"
        + "cycle A length 14 days {\n"
        + "  irinotecan 180 mg/m2 IV over 90 min day 1\n"
        + "  fluorouracil 400 mg/m2 IV day 1 when pet2 = positive\n"
        + "}\n"
        + "plan {\n  main: A x 2\n}\n";

    private const string Patient = "height: 170 cm\nweight: 72 kg\nstart: 2026-01-05\ninputs:\n  pet2: positive\nlevels:\n  irinotecan: -1\n";

    private static MemoryFileSystem Disk(string config) => new MemoryFileSystem()
        .AddFolder("/repo/.git")
        .Add("/repo/regimen.yaml", config)
        .Add("/repo/patients/reference.patient.yaml", Patient)
        .Add(Regimen, Text);

    private static JsonObject At(string text, string needle, int delta)
    {
        int index = text.IndexOf(needle, StringComparison.Ordinal) + delta;
        Assert.True(index >= delta, needle);
        int line = text[..index].Count(c => c == '\n');
        return LspSession.At(DocumentUri.FromPath(Regimen), line, index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1));
    }

    private static JsonObject WholeDocument(string uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["range"] = new JsonObject { ["start"] = new JsonObject { ["line"] = 0, ["character"] = 0 }, ["end"] = new JsonObject { ["line"] = 999, ["character"] = 0 } },
    };

    [Fact]
    public void Hovers_and_hints_use_the_reference_patient_regimen_yaml_names_and_show_the_level_table()
    {
        string uri = DocumentUri.FromPath(Regimen);
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, Text);
        int entry = session.Request("textDocument/hover", At(Text, "-1: 150", 1));
        int line = session.Request("textDocument/hover", At(Text, "irinotecan 180 mg/m2 IV", 12));
        int hints = session.Request("textDocument/inlayHint", WholeDocument(uri));
        var result = session.Run(Disk("patient: patients/reference.patient.yaml\n"));

        Assert.DoesNotContain(Assert.Single(result.Published(uri)).GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RL5007");
        string table = result.Result(entry).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("**levels irinotecan**", table, StringComparison.Ordinal);
        Assert.Contains("- 0: 180 mg/m2 (full dose)\n", table, StringComparison.Ordinal);
        // 150/180 of the full dose; the hovered entry is the one in bold.
        Assert.Contains("- **-1: 150 mg/m2** (83.3% of the full dose)\n", table, StringComparison.Ordinal);
        Assert.Contains("- -2: 75% (75% of the full dose)\n", table, StringComparison.Ordinal);
        Assert.Contains("- -3: omit (not given)\n", table, StringComparison.Ordinal);
        Assert.Contains("reference patient (reference.patient.yaml): level -1: 150 mg/m2", table, StringComparison.Ordinal);

        // 170 cm, 72 kg: BSA 1.84 m2 (Mosteller); at level -1 irinotecan is 150 mg/m2, 276 mg.
        string dose = result.Result(line).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("For the reference patient (reference.patient.yaml, BSA 1.84 m2", dose, StringComparison.Ordinal);
        Assert.Contains("dose: 276 mg\n", dose, StringComparison.Ordinal);
        Assert.Contains("**dose levels of irinotecan** (line 4)", dose, StringComparison.Ordinal);

        var labels = result.Result(hints).EnumerateArray().ToList();
        var computed = labels.Single(h => h.GetProperty("label").GetString() == "= 276 mg");
        Assert.Equal("computed for the reference patient reference.patient.yaml", computed.GetProperty("tooltip").GetString());
    }

    [Fact]
    public void A_sibling_patient_file_wins_over_the_one_regimen_yaml_names_and_a_missing_one_is_a_diagnostic()
    {
        string uri = DocumentUri.FromPath(Regimen);
        var sibling = new LspSession();
        sibling.Initialize();
        sibling.Open(uri, Text);
        int own = sibling.Request("textDocument/hover", At(Text, "levels irinotecan", 3));
        var disk = Disk("patient: patients/reference.patient.yaml\n").Add("/repo/protocols/folfiri.patient.yaml", "height: 170 cm\nweight: 72 kg\ninputs:\n  pet2: negative\n");
        string table = sibling.Run(disk).Result(own).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("reference patient (folfiri.patient.yaml): level 0: 180 mg/m2 (its patient file names no level of irinotecan)", table, StringComparison.Ordinal);

        var missing = new LspSession();
        missing.Initialize();
        missing.Open(uri, Text);
        int none = missing.Request("textDocument/hover", At(Text, "irinotecan 180 mg/m2 IV", 12));
        var result = missing.Run(Disk("patient: patients/nobody.yaml\n"));
        var problem = Assert.Single(Assert.Single(result.Published(uri)).GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RL5007");
        Assert.Contains("the patient file 'patients/nobody.yaml' does not exist", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        string hover = result.Result(none).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("no reference patient: add folfiri.patient.yaml beside the file, or name one with patient: in regimen.yaml", hover, StringComparison.Ordinal);
        Assert.DoesNotContain("reference patient (", hover, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_inside_a_levels_line_offers_drugs_the_next_level_numbers_values_and_units()
    {
        string uri = "file:///tmp/lsp-levels.regimen";
        string[] lines =
        [
            "regimen \"L\"",
            "",
            "levels ",
            "levels irinotecan { ",
            "levels irinotecan { 0: 180 mg/m2, ",
            "levels irinotecan { 0: 180 mg/m2, -1: ",
            "levels irinotecan { 0: 180 mg/m2, -1: 150 ",
            "levels irinotecan { 0: 180 mg/m2, -1: 150 mg/m2, 1: 200 mg/m2, -",
            "",
        ];
        string text = string.Join("\n", lines);
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, text);
        var ids = Enumerable.Range(1, lines.Length - 2).Select(i => session.Request("textDocument/completion", LspSession.At(uri, i, lines[i].Length))).ToList();
        var result = session.Run();
        List<string> Labels(int id) => [.. result.Result(id).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];
        Assert.Contains("levels", Labels(ids[0]));
        Assert.Contains("irinotecan", Labels(ids[1]));
        Assert.Equal(["0"], Labels(ids[2]));
        Assert.Equal("0: ", result.Result(ids[2]).GetProperty("items")[0].GetProperty("insertText").GetString());
        Assert.Equal(["-1", "1"], Labels(ids[3]));
        Assert.Equal(["omit", "AUC"], Labels(ids[4]));
        Assert.Contains("mg/m2", Labels(ids[5]));
        Assert.Equal(["-2", "2"], Labels(ids[6])); // the word being typed ("-") does not count as given
    }

    [Fact]
    public void Outline_and_semantic_tokens_take_levels_lines_and_choice_inputs()
    {
        string uri = DocumentUri.FromPath(Regimen);
        var session = new LspSession();
        session.Initialize();
        session.Open(uri, Text);
        var document = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        int symbols = session.Request("textDocument/documentSymbol", document.DeepClone());
        int tokens = session.Request("textDocument/semanticTokens/full", document.DeepClone());
        int folding = session.Request("textDocument/foldingRange", document.DeepClone());
        var result = session.Run(Disk("patient: patients/reference.patient.yaml\n"));

        var outline = result.Result(symbols).EnumerateArray().ToList();
        var levels = outline.Single(s => s.GetProperty("name").GetString() == "levels irinotecan");
        Assert.Equal("0: 180 mg/m2, -1: 150 mg/m2, -2: 75%, -3: omit", levels.GetProperty("detail").GetString());
        Assert.Equal("input choice", outline.Single(s => s.GetProperty("name").GetString() == "pet2").GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Array, result.Result(folding).ValueKind);

        var decoded = SemanticTokenDecoding.Decode(result.Result(tokens));
        int levelsLine = Text[..Text.IndexOf("levels irinotecan", StringComparison.Ordinal)].Count(c => c == '\n');
        int inputLine = levelsLine - 1;
        string levelsText = Text.Split('\n')[levelsLine];
        Assert.Contains((levelsLine, 0, "levels".Length, "keyword"), decoded);
        Assert.Contains((levelsLine, "levels ".Length, "irinotecan".Length, "function"), decoded);
        Assert.Contains((levelsLine, levelsText.IndexOf("omit", StringComparison.Ordinal), 4, "keyword"), decoded);
        Assert.Contains((levelsLine, levelsText.IndexOf("-1", StringComparison.Ordinal), 2, "number"), decoded);
        Assert.Contains((inputLine, "input pet2: ".Length, "choice".Length, "keyword"), decoded);
        Assert.Contains((inputLine, "input ".Length, "pet2".Length, "variable"), decoded);
    }
}
