using System.Text;

namespace RegimenLang.Tests.Formatting;

/// <summary>
/// Writes random but syntactically valid regimen files in messy layouts, for the formatter's
/// property tests: random drugs, doses, units, routes and clause orders, keywords in random case,
/// extra spaces and tabs, comments (own-line and trailing), blank lines and CRLF line endings.
/// Deterministic for a seed.
/// </summary>
public sealed class RegimenGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Drugs =
        ["cyclophosphamide", "vincristine", "doxorubicin", "methotrexate", "cytarabine", "blinatumomab", "inotuzumab", "rituximab", "dexamethasone", "mercaptopurine", "6-MP", "5-FU", "carboplatin", "mesna"];
    private static readonly string[] Numbers = ["1", "2", "0.5", "1.25", "375", "2.0", "12", "150", "0.025", "3000"];
    private static readonly string[] Masses = ["mg", "g", "mcg", "ng", "units", "unit", "ug", "IU"];
    private static readonly string[] Bases = ["", "/m2", "/kg"];
    private static readonly string[] Routes = ["IV", "PO", "SC", "IM", "IT", "CIV"];
    private static readonly string[] Frequencies = ["once", "daily", "bid", "tid", "qid", "q6h", "q8h", "q12h", "q24h", "qd"];
    private static readonly string[] CommentWords = ["check", "labs", "\"quoted\"", "#hash", "dose: 2 mg", "day 1", "{", "}", "x"];

    private readonly List<string> _cycles = [];
    private readonly List<string> _blocks = [];

    public string Next()
    {
        _cycles.Clear();
        _blocks.Clear();
        var lines = new List<string>();
        if (Chance(0.3))
        {
            lines.Add(Comment());
        }
        lines.Add($"{K("regimen")}{S()}{Str("Regimen " + _random.Next(1000))}{Trailing()}");
        lines.Add($"id:{S()}gen-{_random.Next(10_000)}{Trailing()}");
        lines.Add($"source:{S()}{Pick("NCT01371630", "doi:10.1001/jamaoncol.2017.2380", "https://example.org/p?a=1#frag", "pmid:123")}");
        if (Chance(0.5))
        {
            lines.Add($"indication:{S()}{Str("R/R \"B-ALL\" \\ adults")}{Trailing()}");
        }
        if (Chance(0.3))
        {
            lines.Add($"population:{S()}adults (18-70), ECOG 0-2");
        }
        lines.Add($"{K("input")}{S()}cd20{O()}:{S()}{K("percent")}{(Chance(0.5) ? S() + Str("CD20 %") : "")}{Trailing()}");
        if (Chance(0.5))
        {
            lines.Add($"{K("input")} ph: {K("flag")}");
        }
        if (Chance(0.3))
        {
            lines.Add($"{K("input")} wt: {K("number")} kg \"weight band\"");
        }
        if (Chance(0.3))
        {
            lines.Add($"{K("input")} pet2:{S()}{K("choice")}{S()}negative{O()}|{O()}positive{(Chance(0.5) ? S() + Str("interim PET") : "")}{Trailing()}");
        }

        for (int b = _random.Next(0, 3); b > 0; b--)
        {
            string name = "blk" + _blocks.Count;
            lines.Add($"{K("block")}{S()}{name}{S()}{{{Trailing()}");
            for (int i = _random.Next(1, 4); i > 0; i--)
            {
                lines.Add(Indent() + Administration());
            }
            lines.Add(Indent() + "}" + Trailing());
            _blocks.Add(name);
        }

        for (int c = _random.Next(1, 4); c > 0; c--)
        {
            string name = Pick("A", "B", "C-1", "pomp", "blin_c1") + _cycles.Count;
            string title = Chance(0.5) ? S() + Str("Course " + name) : "";
            string unit = Chance(0.8) ? K(Pick("days", "day")) : K(Pick("weeks", "week"));
            lines.Add($"{K("cycle")}{S()}{name}{title}{S()}{K("length")}{S()}{Pick("21", "28", "4", "1")}{S()}{unit}{O()}{{{Trailing()}");
            for (int i = _random.Next(1, 7); i > 0; i--)
            {
                lines.Add(Indent() + Administration());
            }
            if (Chance(0.3))
            {
                lines.Add(Indent() + Order());
            }
            if (_blocks.Count > 0 && Chance(0.6))
            {
                lines.Add($"{Indent()}{K("include")}{S()}{Pick([.. _blocks])}{Trailing()}");
            }
            lines.Add(Indent() + "}" + Trailing());
            _cycles.Add(name);
        }

        for (int l = _random.Next(0, 3); l > 0; l--)
        {
            lines.Add($"{K("limit")}{S()}{Pick(Drugs)}{S()}{Amount()}{S()}{Pick(K("per") + S() + K(Pick("dose", "day", "cycle", "administration")), K("lifetime"))}{Trailing()}");
        }

        if (Chance(0.3))
        {
            // Dose levels: level 0 and a few others, each a dose, a percentage or omit, spaced freely.
            var levels = new List<string> { $"0{O()}:{O()}{Amount()}" };
            foreach (int level in new[] { -1, -2, 1 }.Take(_random.Next(1, 4)))
            {
                string value = Pick(Amount(), Pick("75", "50", "62.5", "125") + O() + "%", K("omit"));
                levels.Add($"{level}{O()}:{O()}{value}");
            }
            lines.Add($"{K("levels")}{S()}{Pick(Drugs)}{S()}{{{O()}{string.Join("," + O(), levels)}{O()}}}{Trailing()}");
        }

        if (Chance(0.3))
        {
            // Lines across the cycles of a phase (the plan's first phase is always there).
            lines.Add($"{K("phase")}{S()}induction{O()}{{{Trailing()}");
            for (int i = _random.Next(1, 3); i > 0; i--)
            {
                lines.Add(Indent() + Administration());
            }
            lines.Add(Indent() + "}" + Trailing());
        }

        lines.Add($"{K("plan")}{O()}{{{Trailing()}");
        foreach (var phase in new[] { "induction", "consolidation", "maintenance" }.Take(_random.Next(1, 4)))
        {
            lines.Add($"{Indent()}{phase}{O()}:{O()}{Sequence(0)}{Trailing()}");
        }
        lines.Add("}");

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (Chance(0.15))
            {
                text.Append(Indent()).Append(Comment()).Append('\n');
            }
            text.Append(line);
            if (Chance(0.1))
            {
                text.Append(Pick(" ", "\t", "  "));
            }
            text.Append('\n');
            for (int blank = Chance(0.25) ? _random.Next(1, 3) : 0; blank > 0; blank--)
            {
                text.Append(Chance(0.5) ? "" : " \t").Append('\n');
            }
        }
        string result = text.ToString();
        return Chance(0.1) ? result.Replace("\n", "\r\n", StringComparison.Ordinal) : result;
    }

    /// <summary>A non-drug order: days or a timing with any number of offsets, and the optional clauses, in any order.</summary>
    private string Order()
    {
        var clauses = new List<string>();
        bool timed = Chance(0.5);
        if (timed)
        {
            var offsets = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => $"{Pick("24", "48", "72", "30", "1.5")}{S()}{K(Pick("h", "hours", "min"))}").ToList();
            string edge = Chance(0.5) ? S() + K(Pick("starts", "ends")) : "";
            clauses.Add($"{(offsets.Count > 0 ? string.Join(O() + "," + O(), offsets) + S() : "")}{K(Pick("before", "after"))}{S()}{Pick([.. Drugs.Take(4), "mtx-load"])}{edge}");
        }
        if (!timed || Chance(0.3))
        {
            clauses.Add($"{K(Chance(0.5) ? "day" : "days")}{S()}{List(days: true)}");
        }
        if (!timed && Chance(0.3))
        {
            clauses.Add($"({O()}{K("weekdays")}{O()})");
        }
        if (!timed && Chance(0.3))
        {
            clauses.Add($"{K("at")}{S()}{_random.Next(0, 24):00}:{Pick("00", "30")}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("when")}{S()}{Condition(0)}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("in")}{S()}{K("cycles")}{S()}{List()}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("note")}{S()}{Str(Pick("by level", "fasting"))}");
        }
        var line = new StringBuilder(K("order")).Append(S()).Append(Str(Pick("CBC", "methotrexate level", "cranial irradiation 18 Gy", "a \"quoted\" lab")));
        foreach (var clause in clauses.OrderBy(_ => _random.Next()))
        {
            line.Append(S()).Append(clause);
        }
        return line.Append(Trailing()).ToString();
    }

    private string Administration()
    {
        var head = new StringBuilder();
        bool rate = false;
        head.Append(Pick(Drugs)).Append(S());
        bool ramp = false;
        if (Chance(0.1))
        {
            head.Append(K("AUC")).Append(S()).Append(Pick("5", "6", "1.5"));
        }
        else if (Chance(0.05))
        {
            ramp = true;
            var steps = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => $"{Pick(Numbers)}{S()}{K(Pick("mg", "mcg"))}");
            head.Append(K("ramp")).Append(S()).Append(string.Join(O() + "," + O(), steps))
                .Append(S()).Append(K("each")).Append(S()).Append(_random.Next(1, 15)).Append(S()).Append(K(Pick("days", "day", "weeks", "week")));
        }
        else
        {
            rate = Chance(0.15);
            head.Append(Pick(Numbers)).Append(S()).Append(K(Pick(Masses))).Append(K(Pick(Bases))).Append(rate ? K(Pick("/day", "/h", "/d", "/hr")) : "");
        }
        head.Append(S()).Append(K(Pick(Routes)));
        if (Chance(0.2))
        {
            head.Append(S()).Append(K("or")).Append(S()).Append(K(Pick(Routes)));
        }

        var clauses = new List<string>();
        if (rate || Chance(0.3))
        {
            clauses.Add(rate || Chance(0.3) ? K("continuous") : $"{K("over")}{S()}{Pick("0.5", "1", "2", "1.25", "22", "46", "90")}{S()}{K(Pick("h", "hr", "hours", "min", "minutes", "days", "day"))}");
        }
        if (Chance(0.5))
        {
            clauses.Add(_random.Next(6) switch
            {
                0 => $"{K("q12h")}{S()}{K("x")}{S()}{_random.Next(1, 9)}",
                1 => $"{K("divided")}{S()}{K(Pick("bid", "tid", "qid", "q8h"))}",
                2 => $"{K("every")}{S()}{_random.Next(1, 30)}{S()}{K(Pick("days", "weeks"))}{(Chance(0.5) ? $"{S()}{K("x")}{S()}{_random.Next(1, 12)}" : "")}",
                3 => Chance(0.5) ? K("weekly") : $"{K("weekly")}{S()}{K("x")}{S()}{_random.Next(1, 9)}",
                4 => K("throughout"),
                _ => K(Pick(Frequencies)),
            });
        }
        bool timed = !ramp && Chance(0.2);
        if (timed)
        {
            // Timed from another line (by a drug or a label), with or without an offset and an edge.
            string offset = !Chance(0.7) ? "" : Chance(0.2) ? $"{Pick("1", "2", "7")}{S()}{K(Pick("days", "day"))}{S()}"
                : $"{Pick("30", "1", "12", "6", "2")}{S()}{K(Pick("min", "h", "hours"))}{S()}";
            string edge = Chance(0.5) ? S() + K(Pick("starts", "ends", "start", "end")) : "";
            string timing = $"{offset}{K(Pick("before", "after"))}{S()}{Pick([.. Drugs.Take(4), "mtx-load", "lbl1"])}{edge}";
            clauses.Add(Chance(0.2) ? $"{K("from")}{S()}{timing}" : timing);
        }
        if (!timed || Chance(0.5))
        {
            clauses.Add($"{K(Chance(0.5) ? "day" : "days")}{S()}{List(days: true)}");
        }
        if (Chance(0.15))
        {
            var times = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => $"{_random.Next(0, 24):00}:{Pick("00", "30", "15")}");
            clauses.Add($"{K("at")}{S()}{string.Join(O() + "," + O(), times)}");
        }
        if (Chance(0.15))
        {
            clauses.Add($"{K("as")}{S()}{Pick("mtx-load", "lbl1", "lbl2")}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("cap")}{S()}{Amount()}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("round")}{S()}{K("to")}{S()}{Amount()}");
        }
        if (Chance(0.3))
        {
            clauses.Add($"{K("when")}{S()}{Condition(0)}");
        }
        if (Chance(0.3))
        {
            clauses.Add(Chance(0.3)
                ? $"{K("from")}{S()}{K("cycle")}{S()}{_random.Next(1, 5)}"
                : $"{K("in")}{S()}{K(Chance(0.5) ? "cycle" : "cycles")}{S()}{List()}");
        }
        if (Chance(0.2))
        {
            clauses.Add($"{K("note")}{S()}{Str(Pick("with food", "mesna \"rescue\"", "a\\b", "#not a comment"))}");
        }
        if (Chance(0.1))
        {
            // As needed, with or without its maximum a day.
            clauses.Add($"{K("prn")}{S()}{Str(Pick("nausea", "pain", "cholinergic \"syndrome\""))}"
                + (Chance(0.7) ? $"{S()}({O()}{K("at")}{S()}{K("most")}{S()}{Pick("1", "3", "4")}{S()}{K("per")}{S()}{K("day")}{O()})" : ""));
        }
        if (Chance(0.1))
        {
            // Until: a lab-driven duration (with or without its expected days) or a dose change on an event.
            clauses.Add($"{K("until")}{S()}" + (Chance(0.5)
                ? $"{Condition(0)}{S()}({O()}" + (Chance(0.5) ? $"{K("expect")}{S()}{Pick("3", "7")}{S()}{K(Pick("days", "day"))}{O()},{O()}" : "")
                    + $"{K("at")}{S()}{K("most")}{S()}{Pick("7", "14")}{S()}{K(Pick("days", "day"))}{O()})"
                : $"{Pick("cmr", "response", "progression")}{S()}{K("then")}{S()}{Amount()}"));
        }
        // Any order: the grammar accepts it, the formatter restores the canonical one.
        foreach (var clause in clauses.OrderBy(_ => _random.Next()))
        {
            head.Append(S()).Append(clause);
        }
        return head.Append(Trailing()).ToString();
    }

    private string Amount() => $"{Pick(Numbers)}{S()}{K(Pick("mg", "g", "mcg", "units"))}{K(Pick(Bases))}";

    private string List(bool days = false)
    {
        var items = new List<string>();
        for (int i = _random.Next(1, 4); i > 0; i--)
        {
            // Day 0 and days before day 1 too; a range that starts below zero is written with 'to' ('-6 to -1').
            int from = days && Chance(0.15) ? _random.Next(-7, 1) : _random.Next(1, 20);
            string first = from.ToString(System.Globalization.CultureInfo.InvariantCulture);
            int to = from + _random.Next(0, 5);
            items.Add(!Chance(0.4) ? first
                : days && (from < 0 || Chance(0.2)) ? $"{first}{S()}{K("to")}{S()}{to.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                : $"{first}{O()}-{O()}{to}");
        }
        return string.Join(O() + "," + O(), items);
    }

    private string Condition(int depth)
    {
        if (depth < 3 && Chance(0.35))
        {
            return Pick(
                $"{Condition(depth + 1)}{S()}{K("and")}{S()}{Condition(depth + 1)}",
                $"{Condition(depth + 1)}{S()}{K("or")}{S()}{Condition(depth + 1)}",
                $"{K("not")}{S()}{Condition(depth + 1)}",
                $"({O()}{Condition(depth + 1)}{O()})");
        }
        return Pick("ph", $"age{O()}>={O()}60", $"cd20{O()}>={O()}20%", $"wt{O()}<{O()}45 kg", $"sex{O()}={O()}female", $"crcl{O()}!={O()}60 mL/min", $"age == 18", $"pet2{O()}={O()}positive");
    }

    private string Sequence(int depth)
    {
        if (depth < 3 && Chance(0.4))
        {
            return Pick(
                $"{Sequence(depth + 1)}{S()}{K("then")}{S()}{Sequence(depth + 1)}",
                $"{Sequence(depth + 1)}{S()}{K("x")}{S()}{_random.Next(1, 5)}",
                $"({O()}{Sequence(depth + 1)}{O()})",
                $"({O()}{Sequence(depth + 1)}{S()}{K("when")}{S()}{Condition(2)}{(Chance(0.7) ? $"{S()}{K("else")}{S()}{Sequence(depth + 1)}" : "")}{O()})",
                $"{Sequence(depth + 1)}{S()}{K("repeat")}{S()}{K("until")}{S()}{Pick("progression", "relapse")}{S()}({O()}{CourseBounds()}{O()})");
        }
        return Chance(0.15) ? $"{K("rest")}{S()}{_random.Next(1, 5)}{S()}{K(Pick("days", "weeks"))}" : Pick([.. _cycles]);
    }

    /// <summary>The bounds of an open-ended course: any non-empty selection of expect, at least, at most, in that order.</summary>
    private string CourseBounds()
    {
        string Amount() => $"{_random.Next(1, 30)}{S()}{K(Pick("cycles", "cycle", "days", "weeks", "years", "year"))}";
        var bounds = new List<string>();
        if (Chance(0.5))
        {
            bounds.Add($"{K("expect")}{S()}{Amount()}");
        }
        if (Chance(0.5))
        {
            bounds.Add($"{K("at")}{S()}{K("least")}{S()}{Amount()}");
        }
        if (bounds.Count == 0 || Chance(0.5))
        {
            bounds.Add($"{K("at")}{S()}{K("most")}{S()}{Amount()}");
        }
        return string.Join($"{O()},{O()}", bounds);
    }

    private string Comment() => "#" + Pick("", " ", "  ") + string.Join(" ", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(CommentWords)));

    private string Trailing() => Chance(0.15) ? S() + Comment() : "";

    private static string Str(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A keyword or unit in random case: as given, upper case or capitalised.</summary>
    private string K(string word) => _random.Next(6) switch
    {
        0 => word.ToUpperInvariant(),
        1 when word.Length > 0 => char.ToUpperInvariant(word[0]) + word[1..],
        _ => word,
    };

    /// <summary>Required white space: one space, several, or tabs.</summary>
    private string S() => _random.Next(8) switch
    {
        0 => "  ",
        1 => "\t",
        2 => " \t ",
        _ => " ",
    };

    /// <summary>Optional white space (around punctuation).</summary>
    private string O() => _random.Next(4) switch
    {
        0 => " ",
        1 => "\t",
        _ => "",
    };

    private string Indent() => Pick("", "  ", "    ", "\t", " ");

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(params string[] items) => items[_random.Next(items.Length)];
}
