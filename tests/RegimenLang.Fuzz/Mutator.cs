using System.Globalization;
using System.Text;

namespace RegimenLang.Fuzz;

/// <summary>What a text is, so that it is damaged in the ways its readers meet: regimen text, or YAML.</summary>
public enum TextKind
{
    Regimen,
    Yaml,
}

/// <summary>
/// Damages text the way people, editors and tools do: flipped characters, lost and doubled lines, lines
/// from other files, words of the language in the wrong place, absurd numbers, deep nesting, stray
/// control characters; and for YAML, aliases, wrong value types and empty items. Deterministic: the same
/// text, <see cref="Random"/> seed and corpus give the same mutant on every machine (no hashing of
/// strings, no clock), so a finding is reproduced from its seed. Shared by the fuzzer and the mutation
/// property test.
/// </summary>
public sealed class Mutator(IReadOnlyList<string> spliceLines)
{
    /// <summary>Words, units, routes, operators and fragments of the regimen language.</summary>
    public static readonly string[] RegimenTokens =
    [
        "regimen", "input", "block", "cycle", "limit", "levels", "omit", "choice", "|", "choice a | b", "0: 180 mg/m2", "-1: 75%", "{ 0: 100%, -1: omit }", "plan", "include", "length", "day", "days", "weeks", "week",
        "over", "continuous", "when", "cap", "round to", "note", "then", "rest", "else", "repeat until progression", "(at most 2 years)", "(expect 3 cycles, at most 12 cycles)", "(at least 5 years)", "(expect 2 years, at least 1 year, at most 3 years)", "at most", "at least", "expect", "cycles", "cycle 1", "cycles 2-4", "x", "x 1", "x 0",
        "not", "and", "or", "per dose", "per day", "per cycle", "lifetime", "daily", "once", "bid", "tid", "qid", "qd", "qod",
        "q12h", "q8h x 6", "q0h", "q25h", "q1h x 100000", "AUC", "AUC 5", "flag", "percent", "number", "number kg", "true", "false",
        "mg", "g", "mcg", "ug", "\u00B5g", "U", "IU", "units", "mg/m2", "mg/kg", "mcg/m2/day", "mg/m2/day", "mg/h", "mg/m2/h", "mL",
        "cm", "kg", "%", "h", "min", "IV", "PO", "SC", "IM", "IT", "CIV", "IV or PO", "(", ")", "{", "}", ",", "-", ":", "<", ">",
        "<=", ">=", "==", "!=", "=", "#", "\"", "\\\"", "\\", "age", "weight", "height", "sex", "crcl", "bsa", "female", "ph",
        "cd20", "A", "nosuch", "course-a", "x 100000", "then nosuch", "day 0", "days 1-28", "days 28-1", "days 1, 1",
        "length 0 days", "length 100001 days", "note \"\"", "when age >= 18 and not ph", "cap 2 mg", "round to 5 mg",
        "# regimen-disable-next-line RL3007", "# regimen-disable-next-line RL3007 -- reason", "source: NCT00000000",
        "id: x", "status: draft", "input x: flag", "limit vincristine 2 mg per dose", "include intrathecal",
        // Timing within a day, relative timing, days before day 1, schedules across cycles.
        "at", "at 08:00", "at 24:00", "at 7:5", "at 08:00, 20:00", "as", "as mtx-load", "as rituximab", "before", "after", "starts",
        "ends", "30 min before rituximab", "1 h after mtx-load ends", "8 days before", "0 min after", "from 24 h after mtx-load starts",
        "after nosuch", "before itself", "day -1", "days -6 to -1", "days -400 to 1", "to", "-", "divided", "divided bid", "divided qod",
        "weekly", "weekly x 4", "every", "every 14 days", "every 0 days", "every 9 weeks x 3", "throughout", "ramp",
        "ramp 20 mg, 50 mg each 7 days", "ramp each 0 days", "each", "over 46 h", "over 2 days", "over 0 h", "mg/m2/day",
        "phase", "phase induction {", "phase nosuch {",
        // Non-drug orders.
        "order", "order \"CBC\"", "order \"CBC\" days 1, 8", "order \"level\" 24 h, 48 h after mtx-load starts", "24 h, 48 h, 72 h",
        "order \"x\" at 07:00", "order \"x\" 0 h after nosuch", "(weekdays)", "days 1-12 (weekdays)", "(weekday)",
        "prn", "prn \"nausea\"", "prn \"nausea\" (at most 3 per day)", "(at most 0 per day)", "(at most 25 per day)", "most",
        // Until on administration lines: a lab-driven duration, a dose change on an event.
        "until", "until anc >= 1.0 (expect 7 days, at most 14 days)", "until anc >= 1.0 (at most 0 days)", "(expect 30 days, at most 14 days)",
        "until cmr then 15 mg", "until cmr then", "then 0 mg", "until progression (at most 7 days)", "from day 8", "from day",
    ];

    /// <summary>Numbers as people and tools get them wrong: huge, negative, decimal, without a leading digit, with a trailing zero.</summary>
    public static readonly string[] Numbers =
    [
        "0", "1", "-1", "0.5", ".5", "1.0", "2.50", "1.", "1.2.3", "00001", "1e9", "1E-3", "999999999", "1000000000", "1000000001",
        "2147483647", "2147483648", "9223372036854775808", "79228162514264337593543950335", "79228162514264337593543950336",
        "0.0000000000000000000000000001", "0.00000000000000000000000000001", "100000", "100001", "365", "10000", "1,000", "\uFF11",
        "\u0661", "NaN", "Infinity",
    ];

    /// <summary>Characters that editors, terminals and word processors put in text.</summary>
    public static readonly string[] OddCharacters =
    [
        "\0", "\t", "\r", "\r\n", "\n", "\v", "\f", "\u00A0", "\uFEFF", "\u200B", "\u2013", "\u2014", "\u201C", "\u201D", "\u2018",
        "\u00B5", "\u03BC", "\u00E9", "\uD800", "\uDC00", "\uD83D\uDE00", "\u0301", "\u202E", "\u2028", "\u0085", "\u007F", "\u001B[31m",
        "\uFFFD", "\uFFFF",
    ];

    /// <summary>Dates and clock times at and past the edges of the calendar.</summary>
    public static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "1900-01-01", "10000-01-01", "-2026-01-05",
        "2026-1-5", "20260105", "23:59", "24:00", "00:00", "12:60", "8:00", "08:00:00",
    ];

    /// <summary>YAML that its readers get wrong: aliases, anchors, flow collections, tags, empty items, odd scalars.</summary>
    public static readonly string[] YamlTokens =
    [
        "&a", "*a", "&a x", "<<: *a", "{}", "[]", "[[]]", "{a: 1}", "[a, b]", "- ", "-", "~", "null", "!!str", "!!int", "!!binary",
        "!!map", "!!seq", "!custom", "? ", ": ", "|", ">", "|-", "---", "...", "%YAML 1.2", "%TAG ! tag:x:", "\"", "'", "\"\\u0000\"",
        "\"\\x\"", "1e309", "-0", ".inf", ".nan", "0x1F", "0o17", "true", "yes", "on", "170 cm", "35%", "1.0", "key: value", "#",
        "&x [*x]", "*nosuch", "drugs:", "name:", "inputs:", "prior:", "rules:", "formulary:", "limits:", "per:", "max:", "given:", "delays:", "changes:", "doses:", "fromCycle:", "asOf:", "stop: true", "given: none",
    ];

    private readonly IReadOnlyList<string> _spliceLines = spliceLines.Count > 0 ? spliceLines : [""];

    /// <summary>One to <paramref name="maxOperations"/> damages (fewer is likelier), applied in turn.</summary>
    public string Mutate(string text, Random random, TextKind kind, int maxOperations = 8)
    {
        int operations = 1;
        while (operations < maxOperations && random.Next(2) == 0)
        {
            operations++;
        }
        for (int i = 0; i < operations; i++)
        {
            text = MutateOnce(text, random, kind);
        }
        return text;
    }

    /// <summary>One damage; the text is never null, and may become empty.</summary>
    public string MutateOnce(string text, Random random, TextKind kind)
    {
        int choice = random.Next(kind == TextKind.Yaml ? 20 : 17);
        return choice switch
        {
            0 => ReplaceChar(text, random),
            1 => FlipBit(text, random),
            2 => DeleteSpan(text, random),
            3 => EditLines(text, random, LineEdit.Delete),
            4 => EditLines(text, random, LineEdit.Duplicate),
            5 => EditLines(text, random, LineEdit.Swap),
            6 => EditLines(text, random, LineEdit.Splice),
            7 => InsertToken(text, random, kind == TextKind.Yaml ? YamlTokens : RegimenTokens),
            8 => InsertToken(text, random, Numbers),
            9 => ReplaceNumber(text, random),
            10 => InsertToken(text, random, OddCharacters),
            11 => InsertToken(text, random, Dates),
            12 => Repeat(text, random, kind),
            13 => LineEndings(text, random),
            14 => ReplaceWord(text, random, kind == TextKind.Yaml ? YamlTokens : RegimenTokens),
            15 => LongLine(text, random),
            16 => ReplaceValue(text, random, kind),
            17 => YamlAlias(text, random),
            18 => YamlEmptyItem(text, random),
            _ => YamlWrongType(text, random),
        };
    }

    private static string ReplaceChar(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Pick(random, OddCharacters);
        }
        int at = random.Next(text.Length);
        string with = random.Next(3) == 0 ? Pick(random, OddCharacters) : ((char)random.Next(0x20, 0x7F)).ToString();
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + 1));
    }

    private static string FlipBit(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        int at = random.Next(chars.Length);
        chars[at] = (char)(chars[at] ^ (1 << random.Next(random.Next(4) == 0 ? 16 : 7)));
        return new string(chars);
    }

    private static string DeleteSpan(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }
        int at = random.Next(text.Length);
        return text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(random.Next(4) == 0 ? 200 : 12)));
    }

    private enum LineEdit
    {
        Delete,
        Duplicate,
        Swap,
        Splice,
    }

    private string EditLines(string text, Random random, LineEdit edit)
    {
        var lines = text.Split('\n').ToList();
        int at = random.Next(lines.Count);
        switch (edit)
        {
            case LineEdit.Delete:
                lines.RemoveAt(at);
                break;
            case LineEdit.Duplicate:
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case LineEdit.Swap:
                int other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            default:
                lines.Insert(at, Pick(random, _spliceLines));
                break;
        }
        return string.Join("\n", lines);
    }

    private static string InsertToken(string text, Random random, string[] tokens)
    {
        int at = random.Next(text.Length + 1);
        string token = Pick(random, tokens);
        return random.Next(3) switch
        {
            0 => text.Insert(at, token),
            1 => text.Insert(at, " " + token + " "),
            _ => text.Insert(at, " " + token),
        };
    }

    /// <summary>Replaces one number of the text by an odd one.</summary>
    private static string ReplaceNumber(string text, Random random)
    {
        var numbers = new List<(int Start, int Length)>();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                numbers.Add((start, i - start));
            }
        }
        if (numbers.Count == 0)
        {
            return InsertToken(text, random, Numbers);
        }
        var (s, l) = numbers[random.Next(numbers.Count)];
        return string.Concat(text.AsSpan(0, s), Pick(random, Numbers), text.AsSpan(s + l));
    }

    /// <summary>Replaces one word of the text by a token of the language (a keyword where a name was, a unit where a route was).</summary>
    private static string ReplaceWord(string text, Random random, string[] tokens)
    {
        var words = new List<(int Start, int Length)>();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiLetter(text[i]))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '/'))
                {
                    i++;
                }
                words.Add((start, i - start));
            }
        }
        if (words.Count == 0)
        {
            return InsertToken(text, random, tokens);
        }
        var (s, l) = words[random.Next(words.Count)];
        return string.Concat(text.AsSpan(0, s), Pick(random, tokens), text.AsSpan(s + l));
    }

    /// <summary>The fragments that once made the tools slow or crash, repeated hundreds or thousands of times.</summary>
    private static readonly (string Fragment, int[] Counts)[] RegimenRepeats =
    [
        ("not ", [60, 64, 65, 1000, 2400]),
        (" x 1", [64, 1000]),
        (" x 2", [30, 31, 64]),
        ("(", [64, 65, 1000]),
        ("( ", [200]),
        (")", [65, 1000]),
        ("{\n", [3, 100]),
        ("}\n", [3, 100]),
        (" then A", [1000]),
        (" age > 1 and", [500]),
        (" or ph", [500]),
        (", 1", [1000]),
        ("-", [1000]),
        ("\"", [1001]),
        ("#", [10001]),
        ("9", [30, 10001]),
        ("include intrathecal\n", [500]),
    ];

    private static readonly (string Fragment, int[] Counts)[] YamlRepeats =
    [
        ("[", [100, 1000]),
        ("{", [100, 1000]),
        ("- ", [100, 1000]),
        ("  ", [1000]),
        ("&a [*a, ", [50]),
        ("\"", [1001]),
        ("#", [10001]),
    ];

    private static string Repeat(string text, Random random, TextKind kind)
    {
        if (kind == TextKind.Regimen && random.Next(4) == 0)
        {
            // A line written many times over: 500 identical administration lines in one cycle.
            var lines = text.Split('\n').ToList();
            int line = random.Next(lines.Count);
            int count = random.Next(2) == 0 ? 500 : 100;
            lines.InsertRange(line, Enumerable.Repeat(lines[line], count));
            return string.Join("\n", lines);
        }
        var (fragment, counts) = Pick(random, kind == TextKind.Yaml ? YamlRepeats : RegimenRepeats);
        string repeated = string.Concat(Enumerable.Repeat(fragment, Pick(random, counts)));
        // After a word where it means most (not after 'when', x after a plan item), else anywhere.
        int anchor = fragment switch
        {
            "not " => text.IndexOf("when ", RandomStart(text, random), StringComparison.Ordinal) is var w and >= 0 ? w + 5 : -1,
            " x 1" or " x 2" or " then A" => EndOfLineContaining(text, ": ", random),
            _ => -1,
        };
        int at = anchor >= 0 ? anchor : random.Next(text.Length + 1);
        return text.Insert(at, repeated);
    }

    private static int RandomStart(string text, Random random) => text.Length == 0 ? 0 : random.Next(text.Length);

    private static int EndOfLineContaining(string text, string marker, Random random)
    {
        int found = text.IndexOf(marker, RandomStart(text, random), StringComparison.Ordinal);
        if (found < 0)
        {
            found = text.IndexOf(marker, StringComparison.Ordinal);
        }
        if (found < 0)
        {
            return -1;
        }
        int end = text.IndexOf('\n', found);
        return end < 0 ? text.Length : end;
    }

    private static string LineEndings(string text, Random random) => random.Next(4) switch
    {
        0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        1 => text.Replace("\n", "\r", StringComparison.Ordinal),
        2 => text.Replace("  ", "\t", StringComparison.Ordinal),
        _ => random.Next(2) == 0 ? "\uFEFF" + text : text.TrimEnd('\n'),
    };

    /// <summary>A line at, just under or just over the length the parser reads, or far over it.</summary>
    private static string LongLine(string text, Random random)
    {
        int length = Pick(random, [9_990, 9_999, 10_000, 10_001, 10_010, 20_000, 65_000]);
        string fill = Pick(random, ["a", " ", "9", "x 1 ", "# ", "not ", "\""]);
        var line = new StringBuilder(length);
        while (line.Length < length)
        {
            line.Append(fill);
        }
        line.Length = length;
        var lines = text.Split('\n').ToList();
        int at = random.Next(lines.Count + 1);
        if (random.Next(2) == 0 && at < lines.Count)
        {
            lines[at] += line.ToString(0, Math.Max(0, length - lines[at].Length));
        }
        else
        {
            lines.Insert(at, line.ToString());
        }
        return string.Join("\n", lines);
    }

    /// <summary>Replaces what follows a colon on one line (a metadata value, a YAML value, a phase's sequence).</summary>
    private static string ReplaceValue(string text, Random random, TextKind kind)
    {
        var lines = text.Split('\n');
        var candidates = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(':', StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return InsertToken(text, random, kind == TextKind.Yaml ? YamlTokens : RegimenTokens);
        }
        int line = candidates[random.Next(candidates.Count)];
        int colon = lines[line].IndexOf(':', StringComparison.Ordinal);
        string[] pool = kind == TextKind.Yaml ? [.. YamlTokens, .. Numbers, .. Dates] : [.. RegimenTokens, .. Numbers, .. Dates];
        lines[line] = lines[line][..(colon + 1)] + " " + Pick(random, pool);
        return string.Join("\n", lines);
    }

    /// <summary>Puts an anchor on one value and an alias to it on another (or on itself).</summary>
    private static string YamlAlias(string text, Random random)
    {
        var lines = text.Split('\n');
        var values = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(": ", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)).ToList();
        if (values.Count == 0)
        {
            return InsertToken(text, random, YamlTokens);
        }
        int anchored = values[random.Next(values.Count)];
        int aliased = values[random.Next(values.Count)];
        string name = random.Next(2) == 0 ? "a" : "b";
        lines[anchored] = AfterSeparator(lines[anchored], "&" + name + " ");
        string aliasLine = lines[aliased];
        int separator = SeparatorEnd(aliasLine);
        lines[aliased] = separator < 0 ? aliasLine + " *" + name : aliasLine[..separator] + "*" + name;
        return string.Join("\n", lines);
    }

    /// <summary>An empty list item (<c>-</c> alone) under a list, as a slip of the editor leaves it.</summary>
    private static string YamlEmptyItem(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var items = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith('-')).ToList();
        int at = items.Count > 0 ? items[random.Next(items.Count)] : random.Next(lines.Count);
        string indent = lines[at][..(lines[at].Length - lines[at].TrimStart().Length)];
        lines.Insert(at + random.Next(2), indent + Pick(random, ["-", "- ", "- ~", "- []", "- {}", "- \"\""]));
        return string.Join("\n", lines);
    }

    /// <summary>A value of the wrong type: a mapping or a list where a scalar belongs, or a scalar where a list does.</summary>
    private static string YamlWrongType(string text, Random random)
    {
        var lines = text.Split('\n');
        var values = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(':', StringComparison.Ordinal)).ToList();
        if (values.Count == 0)
        {
            return text + "\n" + Pick(random, ["{}", "[]", "e", "- x", "x: {}"]);
        }
        int line = values[random.Next(values.Count)];
        int colon = lines[line].IndexOf(':', StringComparison.Ordinal);
        lines[line] = lines[line][..(colon + 1)] + " " + Pick(random, ["{}", "[]", "[1, 2]", "{a: b}", "\"\"", "~", "- x", "1", "true", "[[]]", "{[]: []}"]);
        return string.Join("\n", lines);
    }

    private static string AfterSeparator(string line, string insert)
    {
        int at = SeparatorEnd(line);
        return at < 0 ? line + " " + insert : line.Insert(at, insert);
    }

    /// <summary>Where a YAML value starts on a line: after ": " or after "- ".</summary>
    private static int SeparatorEnd(string line)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            return colon + 2;
        }
        int dash = line.IndexOf("- ", StringComparison.Ordinal);
        return dash >= 0 ? dash + 2 : -1;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A short description of a text for logs: its length and line count.</summary>
    public static string Describe(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{text.Length} chars, {text.Count(c => c == '\n') + 1} lines");
}
