using System.Text;

namespace RegimenLang.Fuzz;

/// <summary>
/// Reproducers on disk. Files that share a name up to the first dot form one case:
/// <c>NAME.regimen</c>, <c>NAME.patient.yaml</c>, <c>NAME.formulary.yaml</c> and <c>NAME.config.yaml</c>
/// (a regimen.yaml). A case without a regimen file is run with <see cref="DefaultRegimen"/>, so a damaged
/// patient file or formulary can be kept alone. The fuzzer writes its findings in this form, and the
/// regression test reads <c>tests/RegimenLang.Tests/Fixtures/Fuzz</c> in it.
/// </summary>
public static class FuzzFixtures
{
    public const string RegimenExtension = ".regimen";
    public const string PatientExtension = ".patient.yaml";
    public const string FormularyExtension = ".formulary.yaml";
    public const string ConfigExtension = ".config.yaml";

    /// <summary>A small clean regimen that uses an input, a condition, a block, a limit and a plan.</summary>
    public const string DefaultRegimen = """
        regimen "Fuzz default"
        source: NCT00000000
        input cd20: percent "CD20 expression"

        block intrathecal {
          methotrexate 12 mg IT day 2
        }

        cycle A "Course" length 21 days {
          vincristine 1.4 mg/m2 IV day 1 cap 2 mg
          acetaminophen 650 mg PO day 1
          diphenhydramine 50 mg PO day 1
          rituximab 375 mg/m2 IV day 1 when cd20 >= 20%
          prednisone 100 mg PO daily days 1-5
          include intrathecal
        }

        limit vincristine 2 mg per dose
        levels prednisone { 0: 100 mg, -1: 75%, -2: 50 mg, -3: omit }

        plan {
          main: A x 2
        }

        """;

    /// <summary>An adult who gives every built-in fact and the default regimen's input.</summary>
    public const string DefaultPatient = """
        height: 170 cm
        weight: 72 kg
        age: 54
        sex: female
        crcl: 90
        start: 2026-01-05
        inputs:
          cd20: 35%
        levels:
          prednisone: -1

        """;

    /// <summary>The case of each name in <paramref name="folder"/>, in name order.</summary>
    public static IEnumerable<(string Name, FuzzCase Case)> Load(string folder)
    {
        var groups = Directory.EnumerateFiles(folder)
            .Where(f => KindOf(f) is not null)
            .GroupBy(f => Path.GetFileName(f).Split('.')[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            byte[]? regimenBytes = null;
            string? patient = null, formulary = null, config = null;
            foreach (var file in group)
            {
                switch (KindOf(file))
                {
                    case InputKind.Regimen:
                        regimenBytes = File.ReadAllBytes(file);
                        break;
                    case InputKind.Patient:
                        patient = File.ReadAllText(file);
                        break;
                    case InputKind.Formulary:
                        formulary = File.ReadAllText(file);
                        break;
                    default:
                        config = File.ReadAllText(file);
                        break;
                }
            }
            var kind = formulary is not null ? InputKind.Formulary : config is not null ? InputKind.Config
                : patient is not null && regimenBytes is null ? InputKind.Patient : InputKind.Regimen;
            string regimen = regimenBytes is null ? DefaultRegimen : Encoding.UTF8.GetString(regimenBytes);
            var input = new FuzzCase(kind, regimen, patient ?? DefaultPatient, formulary, config);
            // Bytes that are not UTF-8 are kept as they are: the decoder is what such a file tests.
            yield return (group.Key, regimenBytes is not null && !IsUtf8(regimenBytes) ? input with { RegimenBytes = regimenBytes } : input);
        }
    }

    /// <summary>Writes a case as reproducer files named <paramref name="name"/> in <paramref name="folder"/>; the paths written.</summary>
    public static IReadOnlyList<string> Save(string folder, string name, FuzzCase input)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Write(string extension, byte[] bytes)
        {
            string path = Path.Combine(folder, name + extension);
            File.WriteAllBytes(path, bytes);
            written.Add(path);
        }
        Write(RegimenExtension, input.RegimenBytes ?? Encoding.UTF8.GetBytes(input.Regimen));
        if (input.Patient is { } patient)
        {
            Write(PatientExtension, Encoding.UTF8.GetBytes(patient));
        }
        if (input.Formulary is { } formulary)
        {
            Write(FormularyExtension, Encoding.UTF8.GetBytes(formulary));
        }
        if (input.Config is { } config)
        {
            Write(ConfigExtension, Encoding.UTF8.GetBytes(config));
        }
        return written;
    }

    private static InputKind? KindOf(string file)
    {
        string name = Path.GetFileName(file);
        return name.EndsWith(PatientExtension, StringComparison.Ordinal) ? InputKind.Patient
            : name.EndsWith(FormularyExtension, StringComparison.Ordinal) ? InputKind.Formulary
            : name.EndsWith(ConfigExtension, StringComparison.Ordinal) ? InputKind.Config
            : name.EndsWith(RegimenExtension, StringComparison.Ordinal) ? InputKind.Regimen
            : null;
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
