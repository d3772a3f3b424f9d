namespace RegimenLang.Tests.Architecture;

/// <summary>
/// The invariants of docs/architecture.md, checked on the compiled assemblies (Mono.Cecil over the IL, so a
/// use inside a lambda or an iterator counts as much as one in a signature).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly DependencyGraph Library = new(typeof(RegimenLang.Text.SourceText).Assembly);
    private static readonly DependencyGraph Cli = new(typeof(RegimenLang.Cli.RegimenApp).Assembly);
    private static readonly DependencyGraph Lsp = new(typeof(RegimenLang.Lsp.RegimenLanguageServer).Assembly);

    /// <summary>The folders of the library, lowest first: each may use only the folders before it.</summary>
    private static readonly string[] Layers =
        ["Text", "Diagnostics", "Syntax", "Yaml", "Semantics", "Evaluation", "Checking", "Output", "Workspace"];

    private static string LayerOf(string ns)
    {
        string rest = ns["RegimenLang.".Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static bool IsOurs(string ns) => ns.StartsWith("RegimenLang.", StringComparison.Ordinal);

    [Fact]
    public void No_namespaces_depend_on_each_other_in_a_circle()
    {
        foreach (var graph in new[] { Library, Cli, Lsp })
        {
            var cycles = graph.Cycles();
            Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(c =>
                string.Join(", ", c) + ": " + string.Join("; ", c.SelectMany(a => c.Where(b => graph.DependenciesOf(a).Contains(b)).Select(b => graph.Witness(a, b)))))));
        }
    }

    [Fact]
    public void Each_folder_uses_only_the_folders_below_it()
    {
        Assert.Equal(Layers.Order(), Library.Namespaces.Where(IsOurs).Select(LayerOf).Distinct().Order());
        var wrong = new List<string>();
        foreach (var ns in Library.Namespaces.Where(IsOurs))
        {
            int layer = Array.IndexOf(Layers, LayerOf(ns));
            foreach (var used in Library.DependenciesOf(ns).Where(IsOurs))
            {
                if (Array.IndexOf(Layers, LayerOf(used)) > layer)
                {
                    wrong.Add($"{ns} -> {used} ({Library.Witness(ns, used)})");
                }
            }
        }
        Assert.True(wrong.Count == 0, "upward dependencies:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Nothing_below_the_workspace_touches_the_disk_the_console_or_other_processes()
    {
        // Readers over streams are allowed (the built-in formulary is an embedded resource); opening a path is not.
        string[] forbidden =
        [
            "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
            "System.IO.FileStream", "System.IO.FileSystemWatcher", "System.IO.DriveInfo",
            "System.Diagnostics.Process", "System.Console",
        ];
        var wrong = Library.TypeUses()
            .Where(u => !ReportedDiagnostics.InNamespace(DependencyGraph.NamespaceOf(u.Type), "RegimenLang.Workspace") && forbidden.Contains(u.Used))
            .Select(u => $"{u.Type.FullName} uses {u.Used}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_language_server_reads_files_only_through_the_workspace_and_never_the_console()
    {
        // The server is given its streams and its file system: what it reads is what 'regimen check' would read.
        string[] forbidden =
        [
            "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
            "System.Diagnostics.Process", "System.Console",
        ];
        var wrong = Lsp.TypeUses().Where(u => forbidden.Contains(u.Used)).Select(u => $"{u.Type.FullName} uses {u.Used}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Contains(Lsp.TypeUses(), u => u.Used == "RegimenLang.Workspace.IFileSystem"); // the scan sees the server's uses
    }

    [Theory]
    [InlineData("RegimenLang.Syntax", new[] { "Syntax" })]
    [InlineData("RegimenLang.Semantics.Binding", new[] { "Names" })]
    [InlineData("RegimenLang.Semantics.Formulary", new[] { "Names" })]
    [InlineData("RegimenLang.Semantics.Patients", new[] { "Evaluation" })]
    [InlineData("RegimenLang.Evaluation", new[] { "Evaluation" })]
    [InlineData("RegimenLang.Checking", new[] { "Schedule", "DoseSafety", "Intervals", "Notation", "Configuration" })]
    [InlineData("RegimenLang.Output", new[] { "Export" })]
    [InlineData("RegimenLang.Output.Fhir", new[] { "Export" })]
    [InlineData("RegimenLang.Text", new string[0])]
    public void Each_stage_reports_only_the_codes_of_its_own_families(string ns, string[] families)
    {
        var reported = ReportedDiagnostics.By(Library, ns);
        var foreign = reported.Where(d => !families.Contains(d.Family.ToString())).Select(d => $"{d.Code} ({d.Family})").Order().ToList();
        Assert.True(foreign.Count == 0, $"{ns} reports {string.Join(", ", foreign)}");
        if (families.Length > 0)
        {
            Assert.NotEmpty(reported); // the scan sees what the stage reports
        }
    }

    [Fact]
    public void The_command_line_holds_no_domain_logic()
    {
        string[] domain = ["RegimenLang.Checking", "RegimenLang.Semantics.Binding", "RegimenLang.Syntax.Formatting", "RegimenLang.Syntax.Parsing.Grammar", "RegimenLang.Yaml"];
        var wrong = Cli.TypeUses()
            .Where(u => domain.Any(d => u.Used.StartsWith(d, StringComparison.Ordinal)))
            .Select(u => $"{u.Type.FullName} uses {u.Used}")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
