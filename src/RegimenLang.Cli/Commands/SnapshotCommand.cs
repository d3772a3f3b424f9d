using System.CommandLine;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary>
/// <c>regimen snapshot PATH... [--update]</c>: golden timelines for protocol authors. Each <c>X.regimen</c>
/// with a sibling <c>X.timeline.txt</c> (and optional <c>X.patient.yaml</c>) is expanded in the table
/// format and compared; a difference prints a unified diff and exits 1.
/// </summary>
public static class SnapshotCommand
{
    public const string GoldenExtension = ".timeline.txt";
    public const string PatientExtension = ".patient.yaml";

    /// <summary>The start date of a snapshot whose patient file gives none, so golden files do not change with the calendar.</summary>
    public static readonly DateOnly DefaultStart = new(2026, 1, 5);

    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.Paths();
        var update = new Option<bool>("--update") { Description = "Rewrite (or create) the golden X.timeline.txt files from the current expansion." };
        var formulary = CommonOptions.Formulary();
        var command = new Command("snapshot", """
            Compare each X.regimen that has a sibling X.timeline.txt with its expansion (table format; patient from
            X.patient.yaml when present; start 2026-01-05 unless the patient file says otherwise). Prints a unified diff
            per difference. Exit status: 0 all equal, 1 any difference or error, 2 usage error.
            Files without a golden file are listed as "no snapshot"; --update writes them.

            Examples:
              regimen snapshot regimens
              regimen snapshot regimens/06-mini-hcvd-ino-blina-rr.regimen --update
            """)
        {
            paths, update, formulary,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(update), parse.GetValue(formulary)));
        return command;
    }

    public static int Run(CommandContext context, string[] paths, bool update, string[]? formularyFiles)
    {
        if (FormularyOption.Read(formularyFiles, context) is not { } extra)
        {
            return ExitCodes.Usage;
        }
        var session = new CheckSession(extra);
        if (RegimenPaths.Collect(paths, context) is not { } collected || collected.Missing.Count > 0)
        {
            return ExitCodes.Usage;
        }

        int same = 0, different = 0, failed = 0, written = 0, without = 0;
        foreach (var regimen in collected.Files)
        {
            string stem = regimen[..^SourceFiles.Extension.Length];
            string golden = stem + GoldenExtension;
            string patient = stem + PatientExtension;
            bool hasGolden = File.Exists(golden);
            if (!hasGolden && !update)
            {
                context.Out.WriteLine($"no snapshot: {regimen}");
                without++;
                continue;
            }

            var options = new PatientOptions(BsaFormula.Mosteller, null, DefaultStart);
            var result = Expansion.Run(regimen, File.Exists(patient) ? patient : null, PatientDraft.Empty, options, session);
            if (result.Unreadable is { } unreadable)
            {
                context.Error.WriteLine($"regimen: cannot read {unreadable}");
                failed++;
                continue;
            }
            foreach (var diagnostic in result.Diagnostics)
            {
                context.Error.WriteLine(diagnostic);
            }
            if (result.Timeline is not { } timeline)
            {
                context.Out.WriteLine($"failed: {regimen} (not expanded; see the diagnostics)");
                failed++;
                continue;
            }

            string actual = TimelineTableWriter.Write(timeline);
            string expected = hasGolden ? File.ReadAllText(golden) : "";
            if (hasGolden && string.Equals(expected.Replace("\r\n", "\n", StringComparison.Ordinal), actual, StringComparison.Ordinal))
            {
                same++;
                continue;
            }
            if (update)
            {
                AtomicFile.WriteAllText(golden, actual);
                context.Out.WriteLine($"{(hasGolden ? "updated" : "created")}: {golden}");
                written++;
                continue;
            }
            context.Out.Write(UnifiedDiff.Create(expected, actual, golden, $"{regimen} (expanded)"));
            different++;
        }

        context.Error.WriteLine($"snapshot: {same} equal, {different} different, {written} written, {failed} failed, {without} without a golden file");
        return different > 0 || failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
