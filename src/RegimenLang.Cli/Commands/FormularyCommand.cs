using System.CommandLine;
using RegimenLang.Diagnostics;
using RegimenLang.Output;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen formulary [DRUG]</c>: the drugs the checker knows, or one drug with every value and its source.</summary>
public static class FormularyCommand
{
    public const string Summary = "List the drugs of the formulary, or show one drug with every value and its source.";

    public const string Details = """

        Without a drug, list every drug with its class, routes and how many numbers it holds. With a drug
        (a name or an alias, any case), print its usual doses, limits, intervals, companions, class
        equivalents, forbidden routes and interactions, each with its source; values no source confirmed
        are marked UNCONFIRMED. --formulary files and regimen.yaml in the current folder extend the
        built-in formulary as they do for 'check'. An unknown drug exits 2.

        Examples:
          regimen formulary
          regimen formulary vincristine
          regimen formulary ara-C --format json
          regimen formulary --formulary local-drugs.yaml mydrug
        """;

    public static Command Create(CommandContext context)
    {
        var drug = new Argument<string?>("drug")
        {
            Description = "A drug name or alias; without one, the list of all drugs.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = CommonOptions.Format(OutputFormats.Formulary);
        var formulary = CommonOptions.Formulary();
        var output = CommonOptions.OutputFile();
        var command = new Command("formulary", Summary)
        {
            drug, format, formulary, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(drug), parse.GetValue(format) ?? "text", parse.GetValue(formulary) ?? [], parse.GetValue(output)));
        return command;
    }

    public static int Run(CommandContext context, string? drugName, string format, IReadOnlyList<string> formularies, string? outputFile = null)
    {
        var workspace = new RegimenWorkspace(context.FileSystem, formularies);
        var setup = workspace.SetupFor(Path.Combine(Directory.GetCurrentDirectory(), "formulary.regimen"));
        if (setup.Problems.Count > 0)
        {
            context.Error.Write(DiagnosticWriters.Text(setup.Problems, color: false));
        }
        if (!setup.Usable)
        {
            return ExitCodes.Findings;
        }
        var formulary = setup.Formulary;
        DrugEntry? drug = null;
        if (!string.IsNullOrWhiteSpace(drugName))
        {
            var lookup = FormularyLookup.Find(formulary, drugName);
            if (lookup.Drug is null)
            {
                context.UsageError(FormularyLookup.NotFound(drugName, lookup.Suggestions));
                return ExitCodes.Usage;
            }
            drug = lookup.Drug;
        }
        return context.Emit(OutputFormats.Find(OutputFormats.Formulary, format).Write(new FormularyDocument(formulary, drug)), outputFile);
    }
}
