using System.CommandLine;
using RegimenLang.Output;
using RegimenLang.Output.Formatting;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Cli.Commands;

/// <summary><c>regimen fmt PATH... [--check] [--diff]</c>: rewrite regimen files in canonical form.</summary>
public static class FmtCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = CommonOptions.Paths();
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that would change and exit 1 if any would." };
        var diff = new Option<bool>("--diff") { Description = "Write nothing; print a unified diff of the changes (exit 1 if any file would change)." };

        var command = new Command("fmt", """
            Rewrite regimen files in the canonical layout: clauses in the order of the language reference,
            one space between tokens, two-space indentation in blocks, keywords in canonical spelling,
            numbers, names and comments as written. A file with syntax errors is never written
            (its errors are printed). Files are replaced atomically and keep their permissions.
            --check and --diff write nothing. Exit status: 0 done (or nothing to change), 1 a file has
            syntax errors or would change (--check, --diff), 2 usage error or unreadable path.

            Examples:
              regimen fmt regimens
              regimen fmt --check regimens
              regimen fmt --diff my-protocol.regimen
            """)
        {
            paths, check, diff,
        };
        command.SetAction(parse => Run(context, parse.GetValue(paths) ?? [], parse.GetValue(check), parse.GetValue(diff)));
        return command;
    }

    public static int Run(CommandContext context, string[] paths, bool check, bool diff)
    {
        if (RegimenPaths.Collect(paths, context) is not { } collected)
        {
            return ExitCodes.Usage;
        }

        // Format in parallel (pure work), then report and write in path order.
        var results = collected.Files
            .AsParallel().AsOrdered()
            .Select(file => (File: file, Read: SourceFileReader.Read(file)))
            .Select(x => (x.File, x.Read, Format: x.Read.Source is null ? null : RegimenFormatter.Format(x.Read.Source)))
            .ToList();

        bool usage = collected.Missing.Count > 0;
        bool findings = false;
        int changed = 0, refused = 0;
        bool writing = !check && !diff;
        foreach (var (file, read, format) in results)
        {
            if (read.Unreadable)
            {
                context.Error.WriteLine($"regimen: cannot read {file}");
                usage = true;
                continue;
            }
            if (read.Source is null || format is null)
            {
                context.Out.WriteLine(read.Problem);
                refused++;
                findings = true;
                continue;
            }
            switch (format.Status)
            {
                case FormatStatus.SyntaxErrors:
                    context.Out.Write(DiagnosticWriters.Text(format.Diagnostics));
                    context.Error.WriteLine($"regimen: {file} has syntax errors; not formatted");
                    refused++;
                    findings = true;
                    continue;
                case FormatStatus.InternalError:
                    context.Error.WriteLine($"regimen: {file}: {format.InternalError}");
                    refused++;
                    findings = true;
                    continue;
            }

            string original = read.Source.Text;
            string formatted = format.Text!;
            if (string.Equals(original, formatted, StringComparison.Ordinal))
            {
                continue;
            }
            changed++;
            if (diff)
            {
                bool relative = !Path.IsPathRooted(file);
                context.Out.Write(UnifiedDiff.Create(original, formatted, relative ? "a/" + file : file, relative ? "b/" + file : file));
            }
            else if (check)
            {
                context.Out.WriteLine(file);
            }
            if (!writing)
            {
                findings = true;
                continue;
            }
            string? current = SourceFileReader.Read(file).Source?.Text;
            if (current == formatted)
            {
                continue; // already written in this run (a link and its target were both named)
            }
            if (current != original)
            {
                context.Error.WriteLine($"regimen: {file} changed while it was being formatted; left as it is");
                findings = true;
                continue;
            }
            try
            {
                // A symbolic link stays a link: the file it points to is the one rewritten.
                string target = new FileInfo(file).LinkTarget is null ? file : File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file;
                AtomicFile.WriteAllText(target, formatted);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"regimen: cannot write {file}: {e.Message}");
                usage = true;
            }
        }

        int total = collected.Files.Count;
        string verb = writing ? "reformatted" : "would reformat";
        context.Error.WriteLine($"{verb} {changed} of {total} file{(total == 1 ? "" : "s")}" + (refused > 0 ? $"; {refused} not formatted (errors)" : ""));
        return usage ? ExitCodes.Usage : findings ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
