using System.Collections;

namespace RegimenLang.Diagnostics;

/// <summary>How many findings there are of each severity.</summary>
public readonly record struct FindingCounts(int Errors, int Warnings, int Infos)
{
    public int Total => Errors + Warnings + Infos;

    public FindingCounts Add(Severity severity, int count = 1) => severity switch
    {
        Severity.Error => this with { Errors = Errors + count },
        Severity.Warning => this with { Warnings = Warnings + count },
        _ => this with { Infos = Infos + count },
    };

    public static FindingCounts operator +(FindingCounts a, FindingCounts b) =>
        new(a.Errors + b.Errors, a.Warnings + b.Warnings, a.Infos + b.Infos);

    public static FindingCounts operator -(FindingCounts a, FindingCounts b) =>
        new(a.Errors - b.Errors, a.Warnings - b.Warnings, a.Infos - b.Infos);

    /// <summary>
    /// The findings of <paramref name="diagnostics"/> by severity: for a capped <see cref="FindingList"/>, every finding
    /// it stands for, shown or not; the count of hidden findings (RL0016) is not itself a finding.
    /// </summary>
    public static FindingCounts Of(IEnumerable<Diagnostic> diagnostics)
    {
        if (diagnostics is FindingList list)
        {
            return list.Counts;
        }
        var counts = default(FindingCounts);
        foreach (var d in diagnostics)
        {
            if (!ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings))
            {
                counts = counts.Add(d.Severity);
            }
        }
        return counts;
    }
}

/// <summary>
/// Findings as they are reported: at most <see cref="MaxPerFile"/> of a file, then one RL0016 that counts the rest
/// by severity. When a file has more, its errors are shown first (then warnings, then the rest), each kind in the
/// order given, so no warning ever hides an error; what is shown keeps its order. <see cref="Counts"/> is every
/// finding, shown or not: summaries and exit statuses are taken from it.
/// </summary>
public sealed class FindingList : IReadOnlyList<Diagnostic>
{
    /// <summary>The most findings reported for one file; the rest are counted in one last finding (RL0016).</summary>
    public const int MaxPerFile = 500;

    public static readonly FindingList Empty = new([], default);

    private readonly IReadOnlyList<Diagnostic> _shown;

    private FindingList(IReadOnlyList<Diagnostic> shown, FindingCounts counts)
    {
        _shown = shown;
        Counts = counts;
    }

    /// <summary>Every finding by severity, shown or not (the RL0016 counts excluded).</summary>
    public FindingCounts Counts { get; }

    public bool HasErrors => Counts.Errors > 0;

    public int Count => _shown.Count;

    public Diagnostic this[int index] => _shown[index];

    public IEnumerator<Diagnostic> GetEnumerator() => _shown.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// <paramref name="diagnostics"/> with at most <see cref="MaxPerFile"/> findings of each file, errors first, and an RL0016
    /// after the last shown finding of each file that had more. A list under the cap is returned as it is, in its order.
    /// </summary>
    /// <param name="unbuilt">
    /// Findings of <paramref name="unbuiltFile"/> that were counted but never built, because at least <see cref="MaxPerFile"/>
    /// errors of that file come before them (the parser stops building syntax errors it could never show).
    /// </param>
    public static FindingList Cap(IReadOnlyList<Diagnostic> diagnostics, string? unbuiltFile = null, FindingCounts unbuilt = default)
    {
        if (diagnostics is FindingList already && unbuilt.Total == 0)
        {
            return already;
        }
        // Per file: its findings (an RL0016 already there means the file was capped before: it is not capped again).
        var perFile = new Dictionary<string, (int Count, bool Capped)>(StringComparer.Ordinal);
        var counts = unbuilt;
        foreach (var d in diagnostics)
        {
            var (count, capped) = perFile.GetValueOrDefault(d.File);
            if (ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings))
            {
                perFile[d.File] = (count, true);
                continue;
            }
            perFile[d.File] = (count + 1, capped);
            counts = counts.Add(d.Severity);
        }
        if (diagnostics is FindingList inner)
        {
            counts = inner.Counts + unbuilt; // its hidden findings are not in the list
        }
        var over = perFile
            .Where(f => !f.Value.Capped && f.Value.Count + (f.Key == unbuiltFile ? unbuilt.Total : 0) > MaxPerFile)
            .Select(f => f.Key)
            .ToHashSet(StringComparer.Ordinal);
        if (over.Count == 0 && unbuilt.Total == 0)
        {
            return new FindingList(diagnostics, counts);
        }
        if (unbuiltFile is not null && unbuilt.Total > 0)
        {
            over.Add(unbuiltFile);
        }

        // The shown findings of each file over the cap: errors first, then warnings, then the rest, each in list order.
        var shown = new bool[diagnostics.Count];
        foreach (string file in over)
        {
            int room = MaxPerFile;
            foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Info])
            {
                for (int i = 0; i < diagnostics.Count && room > 0; i++)
                {
                    var d = diagnostics[i];
                    if (d.Severity == severity && string.Equals(d.File, file, StringComparison.Ordinal)
                        && !ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings))
                    {
                        shown[i] = true;
                        room--;
                    }
                }
            }
        }

        // Hidden per file, and where each file's count goes: after its last shown finding.
        var hidden = new Dictionary<string, FindingCounts>(StringComparer.Ordinal);
        var lastShown = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (!over.Contains(d.File) || ReferenceEquals(d.Descriptor, DiagnosticCatalog.MoreFindings))
            {
                continue;
            }
            if (shown[i])
            {
                lastShown[d.File] = i;
            }
            else
            {
                hidden[d.File] = hidden.GetValueOrDefault(d.File).Add(d.Severity);
            }
        }
        if (unbuiltFile is not null)
        {
            hidden[unbuiltFile] = hidden.GetValueOrDefault(unbuiltFile) + unbuilt;
        }

        var result = new List<Diagnostic>(Math.Min(diagnostics.Count, (MaxPerFile + 1) * perFile.Count));
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (!over.Contains(d.File))
            {
                result.Add(d);
                continue;
            }
            if (shown[i])
            {
                result.Add(d);
                if (lastShown[d.File] == i)
                {
                    result.Add(Diagnose.MoreFindings(d.Span with { Length = 0 }, hidden.GetValueOrDefault(d.File), MaxPerFile) with { File = d.File });
                }
            }
        }
        foreach (string file in over.Where(f => !lastShown.ContainsKey(f)).Order(StringComparer.Ordinal))
        {
            // Nothing of the file is shown (only counted findings): the count stands at its start.
            result.Add(Diagnose.MoreFindings(new Text.SourceSpan(0, 0, 1, 1), hidden.GetValueOrDefault(file), MaxPerFile) with { File = file });
        }
        return new FindingList(result, counts);
    }
}
