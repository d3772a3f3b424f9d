using RegimenLang.Formulary.Generator;
using RegimenLang.Semantics.Formulary;

// regimen-formulary-generator OUTPUT.cs: writes the C# that constructs the built-in formulary.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: RegimenLang.Formulary.Generator OUTPUT.cs");
    return 2;
}
var (formulary, diagnostics) = FormularyLoader.LoadBuiltInYaml();
if (diagnostics.Count > 0)
{
    // The build stops here: a compiled formulary must never hide a problem the loader would have reported.
    foreach (var d in diagnostics)
    {
        Console.Error.WriteLine($"{FormularyLoader.EmbeddedPath}({d.Span.Line},{d.Span.Column}): error {d.Code}: {d.Message}");
    }
    return 1;
}
string code = FormularyCodeWriter.Write(formulary);
string output = Path.GetFullPath(args[0]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, code);
Console.WriteLine($"compiled formulary: {formulary.Drugs.Length} drugs, {formulary.Classes.Length} classes -> {output}");
return 0;
