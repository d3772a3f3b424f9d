using System.Text;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Formatting;

/// <summary>
/// The canonical text of one line of a regimen file (without indentation or comment): one space
/// between tokens, keywords lower case, routes upper case, numbers exactly as written, clauses of an
/// administration line in the order of LANGUAGE.md §5 and strings re-escaped.
/// </summary>
public static class SyntaxPrinter
{
    /// <summary>The opening line of a statement; for a block, cycle or plan it ends with <c>{</c>.</summary>
    public static string Statement(Statement statement) => statement switch
    {
        HeaderStatement h => "regimen " + Quote(h.Title.Value),
        MetadataStatement m => Metadata(m),
        InputStatement i => Input(i),
        BlockStatement b => $"block {b.Name.Text} {{",
        CycleStatement c => Cycle(c),
        LimitStatement l => $"limit {l.Drug.Text} {Dose(l.Amount)} {Scope(l.Scope)}",
        PlanStatement => "plan {",
        _ => throw new InvalidOperationException($"No canonical form for {statement.GetType().Name}"),
    };

    public static string BodyLine(BodyLine line) => line switch
    {
        IncludeLine i => "include " + i.Block.Text,
        AdministrationLine a => Administration(a),
        _ => throw new InvalidOperationException($"No canonical form for {line.GetType().Name}"),
    };

    public static string Phase(PhaseSyntax phase) => $"{phase.Name.Text}: {Sequence(phase.Sequence)}";

    /// <summary>A string literal with its quotes, escaping <c>"</c> and <c>\</c>.</summary>
    public static string Quote(string value)
    {
        var b = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                b.Append('\\');
            }
            b.Append(c);
        }
        return b.Append('"').ToString();
    }

    private static string Metadata(MetadataStatement m)
    {
        if (m.Quoted)
        {
            return $"{m.Key.Text}: {Quote(m.Value)}";
        }
        // Unquoted values are kept exactly as written (DOIs, URLs); an empty value leaves no trailing space.
        return m.Value.Length == 0 ? m.Key.Text + ":" : $"{m.Key.Text}: {m.Value}";
    }

    private static string Input(InputStatement i)
    {
        var b = new StringBuilder("input ").Append(i.Name.Text).Append(": ");
        b.Append(i.Type.Kind switch
        {
            InputKind.Flag => "flag",
            InputKind.Percent => "percent",
            _ => "number",
        });
        if (i.Type.Unit is not null)
        {
            b.Append(' ').Append(i.Type.Unit);
        }
        if (i.Description is not null)
        {
            b.Append(' ').Append(Quote(i.Description.Value));
        }
        return b.ToString();
    }

    private static string Cycle(CycleStatement c)
    {
        var b = new StringBuilder("cycle ").Append(c.Name.Text);
        if (c.Title is not null)
        {
            b.Append(' ').Append(Quote(c.Title.Value));
        }
        b.Append(" length ").Append(c.Length.Text).Append(' ').Append(LengthUnitWord(c.Length, c.LengthUnit)).Append(" {");
        return b.ToString();
    }

    /// <summary><c>day</c>/<c>week</c> after exactly 1, <c>days</c>/<c>weeks</c> otherwise (the tree does not keep the spelling).</summary>
    private static string LengthUnitWord(NumberLiteral amount, LengthUnit unit)
    {
        bool one = amount.Text == "1";
        return unit == LengthUnit.Weeks ? (one ? "week" : "weeks") : (one ? "day" : "days");
    }

    private static string Scope(LimitScope scope) => scope switch
    {
        LimitScope.PerDose => "per dose",
        LimitScope.PerDay => "per day",
        LimitScope.PerCycle => "per cycle",
        _ => "lifetime",
    };

    // ---- administration lines ----------------------------------------------------------------

    private static string Administration(AdministrationLine a)
    {
        var b = new StringBuilder();
        b.Append(a.Drug.Text).Append(' ').Append(Dose(a.Dose)).Append(' ');
        b.AppendJoin(" or ", a.Routes.Select(r => r.Route.ToString()));
        if (a.Infusion is not null)
        {
            b.Append(' ').Append(Infusion(a.Infusion));
        }
        if (a.Frequency is not null)
        {
            b.Append(' ').Append(Frequency(a.Frequency));
        }
        b.Append(' ').Append(a.Days.Plural ? "days " : "day ").Append(Ranges(a.Days.Ranges));
        foreach (var modifier in ClauseOrder.Sort(a.Modifiers))
        {
            b.Append(' ').Append(Modifier(modifier));
        }
        return b.ToString();
    }

    public static string Dose(DoseSyntax dose) => dose switch
    {
        AmountDose a => $"{a.Amount.Text} {Unit(a.Unit)}",
        AucDose auc => "AUC " + auc.Target.Text,
        _ => throw new InvalidOperationException($"No canonical form for {dose.GetType().Name}"),
    };

    /// <summary>
    /// The unit with its mass in canonical case (<c>MG</c> becomes <c>mg</c>); the do-not-use
    /// spellings (<c>ug</c>, <c>IU</c>, <c>U</c>...) stay as written so the checker still reports them.
    /// The /m2, /kg, /day and /h parts are always canonical (the tree keeps only their meaning).
    /// </summary>
    private static string Unit(DoseUnit unit) => (unit with { MassText = CanonicalMassText(unit.MassText) }).ToString();

    internal static string CanonicalMassText(string written)
    {
        string lower = written.ToLowerInvariant();
        return lower is "g" or "mg" or "mcg" or "ng" or "units" or "unit" ? lower : written;
    }

    private static string Infusion(InfusionSyntax infusion) => infusion switch
    {
        OverInfusion o => $"over {o.Duration.Amount.Text} {o.Duration.UnitText.ToLowerInvariant()}",
        _ => "continuous",
    };

    private static string Frequency(FrequencySyntax f) =>
        f.Count is null ? f.Text.ToLowerInvariant() : $"{f.Text.ToLowerInvariant()} x {f.Count.Text}";

    private static string Ranges(IEnumerable<DayRange> ranges) =>
        string.Join(", ", ranges.Select(r => r.To is null ? r.From.Text : $"{r.From.Text}-{r.To.Text}"));

    private static string Modifier(ModifierSyntax m) => m switch
    {
        CapModifier c => "cap " + Dose(c.Limit),
        RoundModifier r => "round to " + Dose(r.Step),
        WhenModifier w => "when " + Condition(w.Condition),
        CycleSelector s when s.From => "from cycle " + s.Ranges[0].From.Text,
        CycleSelector s => (s.Plural ? "in cycles " : "in cycle ") + Ranges(s.Ranges),
        NoteModifier n => "note " + Quote(n.Text.Value),
        _ => throw new InvalidOperationException($"No canonical form for {m.GetType().Name}"),
    };

    // ---- conditions and sequences: the tree keeps the author's parentheses; and/or chains are left-nested ----

    public static string Condition(ConditionSyntax c) => SyntaxWalk.Text(c);

    public static string Sequence(SequenceSyntax s) => s switch
    {
        CycleReference r => r.Name.Text,
        ThenSequence t => string.Join(" then ", t.Items.Select(Sequence)),
        RepeatSequence r => $"{Sequence(r.Item)} x {r.Count.Text}",
        ParenthesizedSequence p => $"({Sequence(p.Inner)})",
        RestSequence rest => $"rest {rest.Amount.Text} {LengthUnitWord(rest.Amount, rest.Unit)}",
        _ => throw new InvalidOperationException($"No canonical form for {s.GetType().Name}"),
    };
}
