using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen snapshot PATH... [--update]</c>: golden timelines (the library's <see cref="SnapshotRun"/>).</summary>
public static class SnapshotCommand
{
    public const string Summary = "Compare each X.regimen with its golden timeline X.timeline.txt (--update rewrites them).";

    public const string Details = """

        The expansion is in the table format, for the patient of X.patient.yaml when present, starting 2026-01-05
        unless the patient file says otherwise. Prints, per difference, what changes for the patient (administrations added, removed, moved or re-dosed, totals
        before and after, as 'regimen diff' reports them) and then the unified diff. Files without a golden file are
        listed as "no snapshot"; --update writes them.
        Exit status: 0 all equal, 1 any difference or error, 2 usage error.

        Examples:
          regimen snapshot regimens
          regimen snapshot regimens/06-mini-hcvd-ino-blina-rr.regimen --update
        """;

    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.Paths();
        var update = new Option<bool>("--update") { Description = "Rewrite (or create) the golden X.timeline.txt files from the current expansion." };
        var formulary = CommonOptions.Formulary();
        var noColor = CommonOptions.NoColor();
        var command = new Command("snapshot", Summary)
        {
            paths, update, formulary, noColor,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(update), parse.GetValue(formulary) ?? [],
            context.Color(parse.GetValue(noColor))));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, bool update, IReadOnlyList<string> formularies, bool color = false)
    {
        var workspace = new RegimenWorkspace(context.FileSystem, formularies);
        var collected = SourceFiles.Collect(context.FileSystem, paths);
        foreach (var (path, reason) in collected.Unreadable)
        {
            context.UsageError($"cannot read {path}: {reason}");
        }
        if (collected.Unreadable.Count > 0 || collected.Files.Count == 0)
        {
            if (collected.Files.Count == 0 && collected.Unreadable.Count == 0)
            {
                context.UsageError($"no *.regimen files under {string.Join(", ", paths)}");
            }
            return ExitCodes.Usage;
        }

        var counts = new Dictionary<SnapshotOutcome, int>();
        foreach (var result in SnapshotRun.Run(workspace, collected.Files, update))
        {
            counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
            context.Error.Write(DiagnosticWriters.Text(result.Diagnostics, color));
            switch (result.Outcome)
            {
                case SnapshotOutcome.NoGolden:
                    context.Out.WriteLine($"no snapshot: {result.Regimen}");
                    break;
                case SnapshotOutcome.Created or SnapshotOutcome.Updated:
                    context.Out.WriteLine($"{(result.Outcome == SnapshotOutcome.Created ? "created" : "updated")}: {result.Golden}");
                    break;
                case SnapshotOutcome.Different:
                    // What changes for the patient first; the line diff below it shows every detail.
                    if (result.Changes is { } changes)
                    {
                        context.Out.Write(TimelineDiffWriters.Text(changes));
                        context.Out.WriteLine();
                    }
                    context.Out.Write(result.Diff);
                    break;
                case SnapshotOutcome.Failed when result.Error is { } error:
                    context.UsageError(error);
                    break;
                case SnapshotOutcome.Failed:
                    context.Out.WriteLine($"failed: {result.Regimen} (not expanded; see the diagnostics)");
                    break;
            }
        }
        int Count(SnapshotOutcome o) => counts.GetValueOrDefault(o);
        context.Error.WriteLine($"snapshot: {Count(SnapshotOutcome.Equal)} equal, {Count(SnapshotOutcome.Different)} different, " +
            $"{Count(SnapshotOutcome.Created) + Count(SnapshotOutcome.Updated)} written, {Count(SnapshotOutcome.Failed)} failed, " +
            $"{Count(SnapshotOutcome.NoGolden)} without a golden file");
        return Count(SnapshotOutcome.Different) > 0 || Count(SnapshotOutcome.Failed) > 0 ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
