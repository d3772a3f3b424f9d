using System.Text;
using System.Text.RegularExpressions;
using RegimenLang.Checking.Configuration;
using RegimenLang.Diagnostics;
using RegimenLang.Evaluation;
using RegimenLang.Output;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Semantics.Patients;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Text;
using RegimenLang.Workspace;

namespace RegimenLang.Fuzz;

/// <summary>Which file of a case was damaged.</summary>
public enum InputKind
{
    Regimen,
    Patient,
    Formulary,
    Config,
}

/// <summary>
/// One input of the fuzzer: a regimen with, optionally, its patient file, a formulary file and a
/// regimen.yaml; <see cref="Kind"/> says which one was mutated. <see cref="RegimenBytes"/>, when given, is
/// what the regimen file holds (damaged bytes, not valid UTF-8); <see cref="Regimen"/> is then its text
/// as an editor would hand it to the library.
/// </summary>
public sealed record FuzzCase(InputKind Kind, string Regimen, string? Patient = null, string? Formulary = null, string? Config = null)
{
    public byte[]? RegimenBytes { get; init; }

    /// <summary>The damaged text.</summary>
    public string Mutated => Kind switch
    {
        InputKind.Patient => Patient ?? "",
        InputKind.Formulary => Formulary ?? "",
        InputKind.Config => Config ?? "",
        _ => Regimen,
    };

    public FuzzCase WithMutated(string text) => Kind switch
    {
        InputKind.Patient => this with { Patient = text },
        InputKind.Formulary => this with { Formulary = text },
        InputKind.Config => this with { Config = text },
        _ => this with { Regimen = text, RegimenBytes = null },
    };

    /// <summary>The size of all the files of the case in bytes (the pipeline's work grows with it).</summary>
    public int TotalBytes => (RegimenBytes?.Length ?? Encoding.UTF8.GetByteCount(Regimen))
        + Encoding.UTF8.GetByteCount(Patient ?? "") + Encoding.UTF8.GetByteCount(Formulary ?? "") + Encoding.UTF8.GetByteCount(Config ?? "");

    /// <summary>The size of the damaged input in bytes (what the 64 KB bound of a slow finding is about).</summary>
    public int MutatedBytes => Kind == InputKind.Regimen && RegimenBytes is { } bytes ? bytes.Length : Encoding.UTF8.GetByteCount(Mutated);
}

/// <summary>The classes of findings.</summary>
public static class FindingClass
{
    public const string Exception = "exception";
    public const string Slow = "slow";
    public const string Hang = "hang";
    public const string FormatterRefusal = "formatter-refusal";
    public const string InternalsInMessage = "internals-in-message";
    public const string Idempotence = "idempotence";
    public const string Reparse = "reparse";
    public const string BadPosition = "bad-position";
    public const string Memory = "memory";

    public static readonly string[] All = [Exception, Slow, Hang, Memory, FormatterRefusal, InternalsInMessage, Idempotence, Reparse, BadPosition];
}

/// <summary>A fault the pipeline met. <see cref="Signature"/> groups findings of one cause (class, stage, exception type and place).</summary>
public sealed record FuzzFinding(string Class, string Stage, string Message, string Signature, string? Detail = null);

/// <summary>
/// What one run found, and the time spent and memory allocated writing timelines (and the FHIR export for the
/// patient, a MedicationRequest per administration) with the number of their entries: those grow with the plan (a
/// valid 18-month plan has thousands of administrations, each written in seven formats), so the slow and memory checks give them an allowance per entry instead of counting them
/// against the input.
/// </summary>
public sealed record FuzzResult(IReadOnlyList<FuzzFinding> Findings, int TimelineEntries, TimeSpan TimelineTime, long TimelineAllocated);

/// <summary>
/// Runs one case through everything the CLI does with files, through the library's own API and an
/// in-memory file system: read and decode, parse, bind and check (alone and for the patient), every
/// diagnostics format, the syntax tree in every format, <c>fmt</c> (with idempotence and re-parse
/// checks), <c>fix</c>, the patient file, the formulary and the configuration, <c>expand</c> and every
/// timeline format. Nothing escapes: an exception is a finding, and so is a message that shows .NET
/// internals, a diagnostic that points outside its file, or a formatter that refuses or changes its mind.
/// </summary>
public static partial class FuzzPipeline
{
    public const string Folder = "/fuzz";
    public const string RegimenPath = Folder + "/input.regimen";
    public const string PatientPath = Folder + "/input.patient.yaml";
    public const string FormularyPath = Folder + "/local.formulary.yaml";
    public const string ConfigPath = Folder + "/" + RegimenConfig.FileName;

    /// <summary>The configuration a case with a formulary but no regimen.yaml gets: it names the formulary, as a project would.</summary>
    public const string FormularyConfig = "formulary:\n  - local.formulary.yaml\n";

    private static readonly PatientOptions Options = new(BsaFormula.Mosteller, null, new DateOnly(2026, 1, 5));
    private static readonly PatientOptions CappedOptions = new(BsaFormula.DuBois, 2.0m, new DateOnly(2026, 1, 5));

    /// <summary>What a message may not show: .NET type names, exception text, runtime wording, a stack trace.</summary>
    private static readonly string[] Internals = ["System.", "YamlDotNet", "Exception", "Unable to cast", "not registered", "Private.CoreLib", "Pidgin.", "RegimenLang."];

    public static FuzzResult Run(FuzzCase input) => new Pass(input).Go();

    /// <summary>When set, the time of each stage is added up here (for <c>--profile</c>): where a run spends its time.</summary>
    public static Dictionary<string, (TimeSpan Time, long Count)>? StageTimes { get; set; }

    /// <summary>The clock stages and timeline writing are timed with: the wall clock, or the fuzzer's thread CPU clock.</summary>
    public static Func<TimeSpan> Clock { get; set; } = () => TimeSpan.FromTicks(System.Diagnostics.Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);

    [GeneratedRegex(@"\bat [A-Za-z_][\w.`]*\.[\w<>`|]+\(")]
    private static partial Regex StackFrame();

    /// <summary>The state of one run: the case, what was written so far (inputs), and the findings.</summary>
    private sealed class Pass(FuzzCase input)
    {
        private readonly List<FuzzFinding> _findings = [];
        private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
        private readonly string _allInput = string.Join("\n", input.Regimen, input.Patient, input.Formulary, input.Config);
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);
        private int _timelineEntries;
        private TimeSpan _timelineTime;
        private long _timelineAllocated;

        public FuzzResult Go()
        {
            var fs = new InMemoryFileSystem();
            fs.AddFolder(Folder + "/.git"); // the project root: no regimen.yaml above it applies
            fs.AddFile(RegimenPath, input.RegimenBytes ?? Encoding.UTF8.GetBytes(input.Regimen));
            if (input.Patient is { } patient)
            {
                fs.AddFile(PatientPath, Encoding.UTF8.GetBytes(patient));
            }
            if (input.Formulary is { } formulary)
            {
                fs.AddFile(FormularyPath, Encoding.UTF8.GetBytes(formulary));
                Stage("formulary", () =>
                {
                    var bag = new DiagnosticBag(FormularyPath);
                    FormularyLoader.Load(FormularyPath, formulary, bag);
                    Messages("formulary", bag.Items);
                    return 0;
                });
            }
            if ((input.Config ?? (input.Formulary is null ? null : FormularyConfig)) is { } config)
            {
                fs.AddFile(ConfigPath, Encoding.UTF8.GetBytes(config));
                Stage("config", () => Messages("config", ConfigLoader.Load(ConfigPath, config, fs.IsFile).Diagnostics));
            }
            if (input.Patient is { } patientText)
            {
                Stage("patient", () =>
                {
                    var bag = new DiagnosticBag(PatientPath);
                    PatientFileLoader.Load(patientText, bag);
                    Messages("patient", bag.Items);
                    return 0;
                });
            }

            // The CLI's way in: the file's bytes, decoded and checked against the setup the workspace finds for it.
            var workspace = new RegimenWorkspace(fs);
            var load = Stage("load", () => workspace.Load(RegimenPath));
            if (load?.Problem is { } problem)
            {
                Messages("load", [problem]);
                Write("load", [problem]);
            }
            if (load?.Compilation is { } loaded)
            {
                // Open it, so that every later read (expand, fix) shares this one compilation.
                var compilation = workspace.Update(RegimenPath, loaded.Source.Text, 1);
                Regimen("cli", compilation, workspace, fs);
            }
            // An editor's way in: the text as given, which may hold what no UTF-8 file can (a lone surrogate).
            if (load?.Compilation?.Source.Text != input.Regimen)
            {
                var editor = new RegimenCompilation(new SourceText(RegimenPath, input.Regimen), RegimenSetup.BuiltIn);
                Regimen("editor", editor, null, fs);
            }
            return new FuzzResult(_findings, _timelineEntries, _timelineTime, _timelineAllocated);
        }

        private void Regimen(string path, RegimenCompilation compilation, RegimenWorkspace? workspace, InMemoryFileSystem fs)
        {
            var source = compilation.Source;
            Stage(path + "/setup", () => Messages(path + "/setup", compilation.Setup.Problems));
            var diagnostics = Stage(path + "/check", () => compilation.Setup.Usable ? compilation.Diagnostics : compilation.Setup.Problems);
            if (diagnostics is not null)
            {
                Messages(path + "/check", diagnostics);
                Positions(path + "/check", source, diagnostics);
                Write(path + "/check", diagnostics);
            }
            Stage(path + "/ast", () =>
            {
                var tree = AstTreeBuilder.Build(compilation.Syntax.Document);
                foreach (var format in OutputFormats.Trees)
                {
                    format.Write(tree);
                }
                return 0;
            });
            Stage(path + "/fmt", () => Format(path + "/fmt", source));
            if (workspace is null)
            {
                return;
            }
            Stage(path + "/fix", () =>
            {
                foreach (var result in FixRun.Run(workspace, [RegimenPath], write: false))
                {
                    Messages(path + "/fix", result.Problems);
                    Text(path + "/fix", result.Error);
                }
                return 0;
            });
            // regimen export --format fhir, without a patient: the PlanDefinition and the export's warnings.
            Stage(path + "/export", () =>
            {
                var export = ExportRun.Run(workspace, RegimenPath, null, "fhir");
                Messages(path + "/export", export.Diagnostics);
                Positions(path + "/export", source, export.Diagnostics);
                return 0;
            });
            if (input.Patient is null)
            {
                return;
            }
            var patient = new PatientSource(PatientPath, PatientDraft.Empty, Options);
            // The export for a patient writes a MedicationRequest per administration: timeline writing in FHIR form, measured
            // with the timelines (its entries are counted when expand's timeline is written below).
            var exportStarted = Clock();
            long exportAllocated = GC.GetAllocatedBytesForCurrentThread();
            Stage(path + "/export-patient", () =>
            {
                var export = ExportRun.Run(workspace, RegimenPath, patient, "fhir");
                Messages(path + "/export-patient", export.Diagnostics);
                Text(path + "/export-patient", export.Unreadable?.Reason);
                return 0;
            });
            _timelineTime += Clock() - exportStarted;
            _timelineAllocated += GC.GetAllocatedBytesForCurrentThread() - exportAllocated;
            Stage(path + "/check-patient", () =>
            {
                // check --patient: the patient is read once and each file is checked with absolute doses too.
                var report = CheckRun.Run(workspace, [RegimenPath], patient);
                var found = report.AllDiagnostics.ToList();
                Messages(path + "/check-patient", found);
                Positions(path + "/check-patient", source, found);
                Write(path + "/check-patient", found);
                return 0;
            });
            var expansion = Stage(path + "/expand", () => Expansion.Run(workspace, RegimenPath, patient));
            if (expansion is not null)
            {
                Messages(path + "/expand", expansion.Diagnostics);
                Text(path + "/expand", expansion.Unreadable?.Reason);
                Write(path + "/expand", expansion.Diagnostics);
                if (expansion.Timeline is { } timeline)
                {
                    Timeline(path + "/timeline", timeline);
                }
            }
            if (expansion?.Timeline is not null)
            {
                return;
            }
            // The evaluator on its own, whatever the findings (an editor's preview does this): it reports, never throws.
            Stage(path + "/evaluate", () =>
            {
                var load = new PatientSource(PatientPath, PatientDraft.Empty, CappedOptions).Load(fs);
                var problems = new List<Diagnostic>();
                if (load.For(compilation.Model, CappedOptions, problems) is { } built)
                {
                    var evaluation = Evaluator.Evaluate(compilation.Model, built);
                    Messages(path + "/evaluate", problems.Concat(evaluation.Diagnostics));
                    if (evaluation.Timeline is { } timeline)
                    {
                        Timeline(path + "/evaluate/timeline", timeline);
                    }
                }
                return 0;
            });
        }

        /// <summary><c>fmt</c>: a refusal of a clean file is a finding; so is output that formats differently again or does not parse.</summary>
        private int Format(string stage, SourceText source)
        {
            var first = RegimenFormatter.Format(source);
            switch (first.Status)
            {
                case FormatStatus.InternalError:
                    Add(FindingClass.FormatterRefusal, stage, first.InternalError ?? "internal error", null);
                    return 0;
                case FormatStatus.Formatted:
                    break;
                default:
                    return 0;
            }
            // fmt of its own output: it must parse (fmt reads it first) and come out the same.
            string formatted = first.Text!;
            var second = RegimenFormatter.Format(new SourceText(source.Path, formatted));
            if (second.Status == FormatStatus.SyntaxErrors)
            {
                var error = second.Diagnostics[0];
                Add(FindingClass.Reparse, stage, $"the formatted text does not parse: {error.Code} at {error.Span.Line}:{error.Span.Column}: {error.Message}", formatted);
            }
            else if (second.Status != FormatStatus.Formatted)
            {
                Add(FindingClass.Reparse, stage, $"the formatted text is refused by fmt ({second.Status}): {second.InternalError ?? string.Join("; ", second.Diagnostics)}", formatted);
            }
            else if (!string.Equals(second.Text, formatted, StringComparison.Ordinal))
            {
                Add(FindingClass.Idempotence, stage, "fmt(fmt(x)) differs from fmt(x)", formatted + "\n---- formatted again ----\n" + second.Text);
            }
            if (!string.Equals(source.Text, formatted, StringComparison.Ordinal))
            {
                UnifiedDiff.Create(source.Text, formatted, "a/input.regimen", "b/input.regimen");
            }
            return 0;
        }

        /// <summary>Every timeline format, as <c>expand --format</c> writes it; measured apart (see <see cref="FuzzResult"/>).</summary>
        private void Timeline(string stage, Timeline timeline)
        {
            var started = Clock();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var format in OutputFormats.Timelines)
            {
                Stage(stage + "/" + format.Name, () => format.Write(timeline));
            }
            _timelineEntries += timeline.Entries.Length;
            _timelineTime += Clock() - started;
            _timelineAllocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        /// <summary>Every diagnostics format, as <c>check --format</c> writes it (once per distinct list: check, check --patient and expand often agree).</summary>
        private void Write(string stage, IReadOnlyList<Diagnostic> diagnostics) => Stage(stage + "/write", () =>
        {
            if (!_written.Add(string.Join("\n", diagnostics)))
            {
                return 0;
            }
            var document = new DiagnosticsDocument([RegimenPath], diagnostics, Folder);
            foreach (var format in OutputFormats.Diagnostics)
            {
                format.Write(document);
            }
            DiagnosticWriters.Text(diagnostics, color: true);
            return 0;
        });

        private int Messages(string stage, IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var d in diagnostics)
            {
                Text(stage, d.Message, d.Code);
                foreach (var related in d.Related)
                {
                    Text(stage, related.Message, d.Code);
                }
                foreach (var fix in d.Fixes)
                {
                    Text(stage, fix.Title, d.Code);
                }
            }
            return 0;
        }

        /// <summary>A message that shows .NET internals (not quoted from the input).</summary>
        private void Text(string stage, string? message, string code = "")
        {
            if (message is null)
            {
                return;
            }
            foreach (var word in Internals)
            {
                if (message.Contains(word, StringComparison.Ordinal) && !_allInput.Contains(word, StringComparison.Ordinal))
                {
                    Add(FindingClass.InternalsInMessage, stage, $"{code}: {message}", null, key: code + " " + word);
                    return;
                }
            }
            if (StackFrame().IsMatch(message) && !StackFrame().IsMatch(_allInput))
            {
                Add(FindingClass.InternalsInMessage, stage, $"{code}: {message}", null, key: code + " stack trace");
            }
        }

        /// <summary>Every finding in the regimen points at a place in it: a line that exists, a column on that line, a span inside the text.</summary>
        private void Positions(string stage, SourceText source, IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var d in diagnostics.Where(d => d.File == source.Path))
            {
                var span = d.Span;
                string? wrong = null;
                if (span.Line < 1 || span.Line > source.LineCount)
                {
                    wrong = $"line {span.Line} of {source.LineCount}";
                }
                else
                {
                    int lineStart = source.LineStart(span.Line);
                    int lineEnd = span.Line < source.LineCount ? source.LineStart(span.Line + 1) : source.Text.Length;
                    if (span.Column < 1 || span.Column > lineEnd - lineStart + 1)
                    {
                        wrong = $"column {span.Column} on a line of {lineEnd - lineStart} characters";
                    }
                }
                if (wrong is null && (span.Start < 0 || span.Length < 0 || span.Start + span.Length > source.Text.Length))
                {
                    wrong = $"span {span.Start}+{span.Length} in a text of {source.Text.Length} characters";
                }
                if (wrong is not null)
                {
                    Add(FindingClass.BadPosition, stage, $"{d.Code} at {wrong}: {d.Message}", null, key: d.Code);
                }
            }
        }

        private T? Stage<T>(string stage, Func<T> action)
        {
            var started = StageTimes is null ? TimeSpan.Zero : Clock();
            try
            {
                return action();
            }
            catch (Exception thrown) when (thrown is not OutOfMemoryException)
            {
                // The library's parallel runs (check, fix) wrap what one file threw: the cause is inside.
                var e = thrown is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : thrown;
                var frame = FirstFrame(e);
                Add(FindingClass.Exception, stage, $"{e.GetType().FullName}: {e.Message}", thrown.ToString(), key: e.GetType().FullName + " " + frame);
                return default;
            }
            finally
            {
                if (StageTimes is { } times)
                {
                    var (time, count) = times.GetValueOrDefault(stage);
                    times[stage] = (time + (Clock() - started), count + 1);
                }
            }
        }

        /// <summary>The first frame of the stack in the project's code (where to look), or the first frame.</summary>
        private static string FirstFrame(Exception e)
        {
            var lines = (e.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            string frame = lines.FirstOrDefault(l => l.Contains("RegimenLang.", StringComparison.Ordinal) && !l.Contains("RegimenLang.Fuzz.", StringComparison.Ordinal))
                ?? lines.FirstOrDefault() ?? "";
            int paren = frame.IndexOf('(', StringComparison.Ordinal);
            return paren > 0 ? frame[..paren] : frame;
        }

        private void Add(string kind, string stage, string message, string? detail, string? key = null)
        {
            // The editor and CLI ways in reach the same code: one signature for both.
            string where = stage.StartsWith("cli/", StringComparison.Ordinal) || stage.StartsWith("editor/", StringComparison.Ordinal) ? stage[(stage.IndexOf('/', StringComparison.Ordinal) + 1)..] : stage;
            string signature = $"{kind} {where} {key ?? ""}".TrimEnd();
            if (_signatures.Add(signature))
            {
                _findings.Add(new FuzzFinding(kind, stage, message, signature, detail));
            }
        }
    }
}
