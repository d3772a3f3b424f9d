using System.Text;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// The canonical text of a node (without indentation or comment): one space between tokens, keywords
/// lower case, routes upper case, numbers exactly as written, clauses of an administration line in
/// their canonical order (<see cref="ClauseOrder"/>) and strings re-escaped. For a block, cycle or plan
/// it is the opening line, ending with <c>{</c>. Conditions and sequences keep the author's parentheses.
/// Lines with errors print their tokens as written (the formatter never writes a file that has them).
/// </summary>
public sealed class SyntaxPrinter : ISyntaxVisitor<string>
{
    public static readonly SyntaxPrinter Instance = new();

    public static string Print(SyntaxNode node) => node.Accept(Instance);

    /// <summary>A condition in canonical form, for the formatter and for messages ("when age >= 60").</summary>
    public static string Condition(ConditionSyntax condition) => condition.Accept(Instance);

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

    /// <summary>
    /// The mass of a unit in canonical case (<c>MG</c> becomes <c>mg</c>); the do-not-use spellings
    /// (<c>ug</c>, <c>IU</c>, <c>U</c>...) stay as written so the checker still reports them.
    /// </summary>
    public static string CanonicalMassText(string written)
    {
        string lower = written.ToLowerInvariant();
        return lower is "g" or "mg" or "mcg" or "ng" or "units" or "unit" ? lower : written;
    }

    /// <summary><c>day</c>/<c>week</c> after exactly 1, <c>days</c>/<c>weeks</c> otherwise (the tree does not keep the spelling).</summary>
    private static string LengthUnitWord(NumberLiteral amount, LengthUnit unit)
    {
        bool one = amount.Text == "1";
        return unit == LengthUnit.Weeks ? (one ? "week" : "weeks") : (one ? "day" : "days");
    }

    private string Join(IEnumerable<SyntaxNode> nodes, string separator) => string.Join(separator, nodes.Select(n => n.Accept(this)));

    public string VisitDocument(RegimenDocument node) => Join(node.Statements, "\n");

    public string VisitHeader(HeaderStatement node) => "regimen " + Quote(node.Title.Value);

    public string VisitMetadata(MetadataStatement m) =>
        // Unquoted values are kept exactly as written (DOIs, URLs); an empty value leaves no trailing space.
        m.Quoted ? $"{m.Key.Text}: {Quote(m.Value)}" : m.Value.Length == 0 ? m.Key.Text + ":" : $"{m.Key.Text}: {m.Value}";

    public string VisitInput(InputStatement i) =>
        $"input {i.Name.Text}: {i.Type.Accept(this)}" + (i.Description is null ? "" : " " + Quote(i.Description.Value));

    public string VisitInputType(InputType t) =>
        (t.Kind switch
        {
            InputKind.Flag => "flag",
            InputKind.Percent => "percent",
            InputKind.Number => "number",
            InputKind.Choice => "choice " + string.Join(" | ", t.Choices.Select(c => c.Text)),
            _ => throw new ArgumentOutOfRangeException(nameof(t)),
        }) + (t.Unit is null ? "" : " " + t.Unit);

    public string VisitBlock(BlockStatement b) => b.HeaderSkipped.IsEmpty ? $"block {b.Name!.Text} {{" : b.HeaderSkipped.Accept(this);

    public string VisitPhaseBlock(PhaseBlockStatement p) => p.HeaderSkipped.IsEmpty ? $"phase {p.Name!.Text} {{" : p.HeaderSkipped.Accept(this);

    public string VisitCycle(CycleStatement c)
    {
        if (!c.HeaderSkipped.IsEmpty || c.Name is null || c.Length is null)
        {
            return c.HeaderSkipped.Accept(this);
        }
        var b = new StringBuilder("cycle ").Append(c.Name.Text);
        if (c.Title is not null)
        {
            b.Append(' ').Append(Quote(c.Title.Value));
        }
        return b.Append(" length ").Append(c.Length.Text).Append(' ').Append(LengthUnitWord(c.Length, c.LengthUnit)).Append(" {").ToString();
    }

    public string VisitLimit(LimitStatement l) => $"limit {l.Drug.Text} {l.Amount.Accept(this)} " + l.Scope switch
    {
        LimitScope.PerDose => "per dose",
        LimitScope.PerDay => "per day",
        LimitScope.PerCycle => "per cycle",
        LimitScope.Lifetime => "lifetime",
        _ => throw new ArgumentOutOfRangeException(nameof(l)),
    };

    public string VisitLevels(LevelsStatement l) => $"levels {l.Drug.Text} {{ {Join(l.Levels, ", ")} }}";

    public string VisitDoseLevel(DoseLevelSyntax l) =>
        $"{l.Level.Text}: " + (l.Dose is { } dose ? dose.Accept(this) : l.Percent is { } pct ? pct.Text + "%" : "omit");

    public string VisitPlan(PlanStatement p) => p.HeaderSkipped.IsEmpty ? "plan {" : p.HeaderSkipped.Accept(this);

    public string VisitPhase(PhaseSyntax phase) => $"{phase.Name.Text}: {phase.Sequence.Accept(this)}";

    public string VisitErrorStatement(ErrorStatement e) => e.Skipped.Accept(this);

    public string VisitErrorPlanLine(ErrorPlanLine e) => e.Skipped.Accept(this);

    public string VisitErrorBodyLine(ErrorBodyLine e) => e.Skipped.Accept(this);

    public string VisitInclude(IncludeLine i) => "include " + i.Block.Text;

    public string VisitAdministration(AdministrationLine a)
    {
        var b = new StringBuilder(a.Drug.Text);
        if (a.Dose is not null)
        {
            b.Append(' ').Append(a.Dose.Accept(this));
        }
        if (!a.Routes.IsEmpty)
        {
            b.Append(' ').AppendJoin(" or ", a.Routes.Select(r => r.Accept(this)));
        }
        // A timing reads with the frequency it starts ("q6h x 8 from 24 h after mtx-load starts"), before the days; so does
        // "prn" (ondansetron 8 mg PO prn "nausea" (at most 3 per day) days 2-4), which stands for the frequency.
        foreach (var part in (SyntaxNode?[])[a.Infusion, a.Frequency, a.Timing, a.AsNeeded, a.Days])
        {
            if (part is not null)
            {
                b.Append(' ').Append(part.Accept(this));
            }
        }
        foreach (var modifier in ClauseOrder.Sort(a.Modifiers.Where(m => m is not TimingModifier and not AsNeededModifier)))
        {
            b.Append(' ').Append(modifier.Accept(this));
        }
        if (!a.Skipped.IsEmpty)
        {
            b.Append(' ').Append(a.Skipped.Accept(this));
        }
        return b.ToString();
    }

    /// <summary>An order reads like an administration: its timing before its days, then the modifiers in canonical order.</summary>
    public string VisitOrder(OrderLine o)
    {
        var b = new StringBuilder("order ").Append(Quote(o.Text.Value));
        foreach (var part in (SyntaxNode?[])[o.Timing, o.Days])
        {
            if (part is not null)
            {
                b.Append(' ').Append(part.Accept(this));
            }
        }
        foreach (var modifier in ClauseOrder.Sort(o.Modifiers.Where(m => m is not OrderTiming)))
        {
            b.Append(' ').Append(modifier.Accept(this));
        }
        return b.ToString();
    }

    public string VisitOrderTiming(OrderTiming t)
    {
        var b = new StringBuilder();
        if (!t.Offsets.IsEmpty)
        {
            b.Append(Join(t.Offsets, ", ")).Append(' ');
        }
        b.Append(t.Relation == TimingRelation.Before ? "before " : "after ").Append(t.Anchor.Text);
        if (t.Edge is { } edge)
        {
            b.Append(edge == AnchorEdge.Starts ? " starts" : " ends");
        }
        return b.ToString();
    }

    public string VisitAmount(AmountDose a) => $"{a.Amount.Text} {a.Unit.Accept(this)}";

    public string VisitAuc(AucDose auc) => "AUC " + auc.Target.Text;

    public string VisitRamp(RampDose r) =>
        $"ramp {Join(r.Steps, ", ")} each {r.Each.Text} {LengthUnitWord(r.Each, r.EachInWeeks ? LengthUnit.Weeks : LengthUnit.Days)}";

    /// <summary>The /m2, /kg, /day and /h parts are always canonical (the tree keeps only their meaning).</summary>
    public string VisitUnit(DoseUnit unit) => (unit with { MassText = CanonicalMassText(unit.MassText) }).ToString();

    public string VisitRoute(RouteSyntax r) => r.Route.ToString();

    public string VisitOver(OverInfusion o) => "over " + o.Duration.Accept(this);

    public string VisitContinuous(ContinuousInfusion c) => "continuous";

    public string VisitDuration(DurationSyntax d) => $"{d.Amount.Text} {d.UnitText.ToLowerInvariant()}";

    public string VisitFrequency(FrequencySyntax f)
    {
        string word = f.Kind switch
        {
            FrequencyKind.EveryDays => $"every {f.Interval!.Text} {LengthUnitWord(f.Interval, f.IntervalInWeeks ? LengthUnit.Weeks : LengthUnit.Days)}",
            _ => f.Text.ToLowerInvariant(),
        };
        return (f.Divided ? "divided " : "") + (f.Count is null ? word : $"{word} x {f.Count.Text}");
    }

    public string VisitDays(DaysSyntax d) => (d.WrittenFrom ? "from day " : d.Plural ? "days " : "day ") + Join(d.Ranges, ", ");

    /// <summary><c>1-3</c>; a range with a negative end is written <c>-6 to -1</c>, which reads unambiguously.</summary>
    public string VisitDayRange(DayRange r) =>
        r.To is null ? r.From.Text
        : r.From.Value < 0 || r.To.Value < 0 ? $"{r.From.Text} to {r.To.Text}"
        : $"{r.From.Text}-{r.To.Text}";

    public string VisitCap(CapModifier c) => "cap " + c.Limit.Accept(this);

    public string VisitRound(RoundModifier r) => "round to " + r.Step.Accept(this);

    public string VisitWhen(WhenModifier w) => "when " + w.Condition.Accept(this);

    public string VisitCycleSelector(CycleSelector s) =>
        s.From ? "from cycle " + s.Ranges[0].From.Text : (s.Plural ? "in cycles " : "in cycle ") + Join(s.Ranges, ", ");

    public string VisitNote(NoteModifier n) => "note " + Quote(n.Text.Value);

    public string VisitWeekdays(WeekdaysModifier w) => "(weekdays)";

    public string VisitAt(AtModifier a) => "at " + Join(a.Times, ", ");

    public string VisitClockTime(ClockTimeSyntax t) => t.ToString();

    public string VisitLabel(LabelModifier l) => "as " + l.Name.Text;

    public string VisitTiming(TimingModifier t)
    {
        var b = new StringBuilder();
        if (t.WrittenFrom)
        {
            b.Append("from ");
        }
        if (t.Offset is not null)
        {
            b.Append(t.Offset.Accept(this)).Append(' ');
        }
        b.Append(t.Relation == TimingRelation.Before ? "before " : "after ").Append(t.Anchor.Text);
        if (t.Edge is { } edge)
        {
            b.Append(edge == AnchorEdge.Starts ? " starts" : " ends");
        }
        return b.ToString();
    }

    public string VisitAsNeeded(AsNeededModifier p) =>
        "prn " + Quote(p.Reason.Value) + (p.MaxPerDay is { } max ? $" (at most {max.Text} per day)" : "");

    public string VisitUntil(UntilModifier u) =>
        "until " + u.Condition.Accept(this) + (u.Then is { } then ? " then " + then.Accept(this)
            : " (" + (u.ExpectDays is { } expect ? $"expect {expect.Text} days, " : "") + $"at most {u.AtMostDays!.Text} days)");

    public string VisitFactCondition(FactCondition f) => f.Fact.Text;

    public string VisitComparison(ComparisonCondition c) => $"{c.Fact.Text} {c.Operator.Symbol()} {c.Value.Accept(this)}";

    public string VisitQuantity(QuantityValue q) => q.ToString();

    public string VisitWord(WordValue w) => w.Word.Text;

    public string VisitNot(NotCondition n) => "not " + n.Operand.Accept(this);

    public string VisitAnd(AndCondition a) => Join(a.Operands, " and ");

    public string VisitOr(OrCondition o) => Join(o.Operands, " or ");

    public string VisitParenthesizedCondition(ParenthesizedCondition p) => $"({p.Inner.Accept(this)})";

    public string VisitCycleReference(CycleReference r) => r.Name.Text;

    public string VisitThen(ThenSequence t) => Join(t.Items, " then ");

    public string VisitRepeat(RepeatSequence r) => $"{r.Item.Accept(this)} x {r.Count.Text}";

    public string VisitParenthesizedSequence(ParenthesizedSequence p) => $"({p.Inner.Accept(this)})";

    public string VisitRest(RestSequence rest) => $"rest {rest.Amount.Text} {LengthUnitWord(rest.Amount, rest.Unit)}";

    public string VisitBranch(BranchSequence b) =>
        $"{b.Then.Accept(this)} when {b.Condition.Accept(this)}{(b.Else is { } e ? " else " + e.Accept(this) : "")}";

    public string VisitOpenRepeat(OpenRepeatSequence o) =>
        $"{o.Item.Accept(this)} repeat until {o.Event.Text} ({string.Join(", ", o.Bounds().Select(b => $"{b.Words} {Bound(b.Bound)}"))})";

    /// <summary>One bound of an open-ended course as written in the plan: "5 years", "1 cycle".</summary>
    public static string Bound(CourseBound bound) => $"{bound.Amount.Text} {CourseUnitWord(bound.Amount, bound.Unit)}";

    /// <summary>Singular after exactly 1, as for cycle lengths.</summary>
    private static string CourseUnitWord(NumberLiteral amount, CourseUnit unit)
    {
        string word = unit.ToString().ToLowerInvariant();
        return amount.Value == 1 ? word[..^1] : word;
    }

    public string VisitIdentifier(Identifier i) => i.Text;

    public string VisitNumber(NumberLiteral n) => n.Text;

    public string VisitString(StringLiteral s) => Quote(s.Value);

    public string VisitComment(Comment c) => c.Text;

    public string VisitSkipped(SkippedTokens s) => s.ToString();
}
