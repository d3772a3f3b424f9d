using System.Collections.Immutable;
using System.Globalization;
using P = Pidgin.Parser<RegimenLang.Syntax.Token>;
using Pidgin;
using RegimenLang.Syntax;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;
using static Pidgin.Parser;

namespace RegimenLang.Syntax.Parsing;

/// <summary>The parts of an administration line before the driver sorts its clauses.</summary>
internal sealed record AdministrationParts(Identifier Drug, DoseSyntax Dose, ImmutableArray<RouteSyntax> Routes, IReadOnlyList<SyntaxNode> Clauses, SourceSpan Span);

/// <summary>The opening line of a <c>cycle</c> (its body follows on later lines).</summary>
internal sealed record CycleHeader(Identifier Name, StringLiteral? Title, NumberLiteral Length, LengthUnit Unit, SourceSpan Span);


/// <summary>
/// The grammar, one Pidgin parser per production over the tokens of a line. Field names match the
/// production names of grammar/regimen.ebnf (a test keeps the two in step). Parsers are built once:
/// construction is expensive. Keywords are single tokens, so alternatives never need to backtrack
/// over more than one token; labels sit on leaves so "expected ..." messages name what was wanted.
/// </summary>
internal static class Grammar
{
    // ---- leaves -----------------------------------------------------------------------------

    private static Parser<Token, Token> Kind(TokenKind kind, string label) =>
        P.Token(t => t.Kind == kind).Labelled(label);

    private static Parser<Token, Token> Keyword(string word) =>
        P.Token(t => t.IsWord(word)).Labelled($"'{word}'");

    private static Parser<Token, Token> AnyOf(string label, params string[] words) =>
        P.Token(t => t.Kind == TokenKind.Word && words.Contains(t.Text, StringComparer.OrdinalIgnoreCase)).Labelled(label);

    private static SourceSpan Span(Token first, SyntaxNode last) => first.Span.Through(last.Span);
    private static SourceSpan Span(Token first, Token last) => first.Span.Through(last.Span);
    private static SourceSpan Span(SyntaxNode first, SyntaxNode last) => first.Span.Through(last.Span);
    private static SourceSpan Span(SyntaxNode first, Token last) => first.Span.Through(last.Span);

    private static readonly Parser<Token, Token> Colon = Kind(TokenKind.Colon, "':'");
    private static readonly Parser<Token, Token> Comma = Kind(TokenKind.Comma, "','");
    private static readonly Parser<Token, Token> Slash = Kind(TokenKind.Slash, "'/'");
    private static readonly Parser<Token, Token> Dash = Kind(TokenKind.Dash, "'-'");
    private static readonly Parser<Token, Token> LeftParen = Kind(TokenKind.LeftParen, "'('");
    private static readonly Parser<Token, Token> RightParen = Kind(TokenKind.RightParen, "')'");
    private static readonly Parser<Token, Token> LeftBrace = Kind(TokenKind.LeftBrace, "'{' at the end of the line");
    private static readonly Parser<Token, Unit> EndOfLine = P.End.Labelled("the end of the line");

    internal static NumberLiteral ToNumber(Token t) =>
        new(decimal.Parse(t.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), t.Text, t.Span);

    private static Parser<Token, NumberLiteral> NumberLabelled(string label) => Kind(TokenKind.Number, label).Select(ToNumber);

    internal static readonly Parser<Token, NumberLiteral> Number = NumberLabelled("a number");

    internal static readonly Parser<Token, StringLiteral> StringLiteral =
        Kind(TokenKind.String, "a string in double quotes").Select(t => new StringLiteral(t.Text, t.Span));

    private static Parser<Token, Identifier> Name(string label) =>
        Kind(TokenKind.Word, label).Select(t => new Identifier(t.Text, t.Span));

    internal static readonly Parser<Token, Identifier> Identifier = Name("a name");

    internal static readonly Parser<Token, Identifier> DrugName = Name("a drug name");

    internal static readonly Parser<Token, LengthUnit> LengthUnit =
        AnyOf("'days' or 'weeks'", "days", "day", "weeks", "week")
            .Select(t => t.Text.StartsWith("w", StringComparison.OrdinalIgnoreCase) ? Nodes.LengthUnit.Weeks : Nodes.LengthUnit.Days);

    // ---- doses ------------------------------------------------------------------------------

    internal static readonly IReadOnlyDictionary<string, MassUnit> MassWords = new Dictionary<string, MassUnit>(StringComparer.OrdinalIgnoreCase)
    {
        ["g"] = MassUnit.Gram,
        ["mg"] = MassUnit.Milligram,
        ["mcg"] = MassUnit.Microgram,
        ["ng"] = MassUnit.Nanogram,
        ["units"] = MassUnit.Unit,
        ["unit"] = MassUnit.Unit,
        // Do-not-use spellings: accepted so that the notation rules can point at them with a fix.
        ["ug"] = MassUnit.Microgram,
        ["\u00B5g"] = MassUnit.Microgram,
        ["\u03BCg"] = MassUnit.Microgram,
        ["U"] = MassUnit.Unit,
        ["IU"] = MassUnit.Unit,
    };

    private static readonly string[] UnitSuffixes = ["m2", "kg", "day", "d", "h", "hr", "hour"];

    internal static readonly Parser<Token, DoseUnit> DoseUnit =
        Map(
            (mass, suffixes) => BuildUnit(mass, suffixes),
            P.Token(t => t.Kind == TokenKind.Word && MassWords.ContainsKey(t.Text)).Labelled("a unit such as mg, g, mcg or units"),
            Slash.Then(AnyOf("m2, kg, day or h after '/'", UnitSuffixes)).Many())
        // Not Assert: Pidgin's Assert drops the "expected" labels of a failure inside it.
        .Bind(static u => u is { } unit ? P.Return(unit) : BadUnitOrder!);

    /// <summary>The message of the one custom failure of the grammar; <see cref="SyntaxErrors"/> turns it into the catalogue's wording.</summary>
    internal const string UnitOrderFailure = "unit-order";

    private static readonly Parser<Token, DoseUnit> BadUnitOrder = P.Fail<DoseUnit>(UnitOrderFailure);

    private static DoseUnit? BuildUnit(Token mass, IEnumerable<Token> suffixes)
    {
        var basis = DoseBasis.Flat;
        var rate = DoseRate.None;
        var span = mass.Span;
        foreach (var s in suffixes)
        {
            span = Span(mass, s);
            string w = s.Text.ToLowerInvariant();
            if (w is "m2" or "kg")
            {
                if (basis != DoseBasis.Flat || rate != DoseRate.None)
                {
                    return null;
                }
                basis = w == "m2" ? DoseBasis.PerSquareMetre : DoseBasis.PerKilogram;
            }
            else
            {
                if (rate != DoseRate.None)
                {
                    return null;
                }
                rate = w is "day" or "d" ? DoseRate.PerDay : DoseRate.PerHour;
            }
        }
        return new DoseUnit(MassWords[mass.Text], mass.Text, basis, rate, span);
    }

    internal static readonly Parser<Token, AmountDose> AmountDose =
        Map((n, u) => new AmountDose(n, u, Span(n, u)), NumberLabelled("a dose such as 2 mg or 375 mg/m2"), DoseUnit);

    internal static readonly Parser<Token, AucDose> AucDose =
        Map((k, n) => new AucDose(n, Span(k, n)), Keyword("AUC"), Number);

    internal static readonly Parser<Token, RampDose> RampDose =
        Map(
            (k, steps, each, unit) => new RampDose([.. steps], each, unit.IsWord("week") || unit.IsWord("weeks"), Span(k, unit)),
            Keyword("ramp"),
            AmountDose.SeparatedAtLeastOnce(Comma),
            Keyword("each").Then(NumberLabelled("a number of days or weeks")),
            AnyOf("'days' or 'weeks'", "days", "day", "weeks", "week"));

    internal static readonly Parser<Token, DoseSyntax> Dose = OneOf(
        AucDose.Select(d => (DoseSyntax)d),
        RampDose.Select(d => (DoseSyntax)d),
        AmountDose.Select(d => (DoseSyntax)d));

    // ---- routes, infusion, frequency, days ---------------------------------------------------

    private static readonly Dictionary<string, Route> RouteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["IV"] = Nodes.Route.IV,
        ["PO"] = Nodes.Route.PO,
        ["SC"] = Nodes.Route.SC,
        ["IM"] = Nodes.Route.IM,
        ["IT"] = Nodes.Route.IT,
        ["CIV"] = Nodes.Route.CIV,
    };

    internal static readonly Parser<Token, RouteSyntax> Route =
        P.Token(t => t.Kind == TokenKind.Word && RouteWords.ContainsKey(t.Text))
            .Labelled("a route such as IV, PO, SC, IM, IT or CIV")
            .Select(t => new RouteSyntax(RouteWords[t.Text], t.Span));

    internal static readonly Parser<Token, ImmutableArray<RouteSyntax>> Routes =
        Route.SeparatedAtLeastOnce(Keyword("or")).Select(r => r.ToImmutableArray());

    // Declared before the parsers that read it: static fields are initialised in order.
    private static readonly HashSet<string> DurationUnits =
        new(["h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "day", "days"], StringComparer.OrdinalIgnoreCase);

    internal static readonly Parser<Token, DurationSyntax> Duration =
        Map(
            (n, u) => new DurationSyntax(n,
                u.Text.StartsWith("m", StringComparison.OrdinalIgnoreCase) ? TimeUnit.Minutes
                : u.Text.StartsWith("d", StringComparison.OrdinalIgnoreCase) ? TimeUnit.Days
                : TimeUnit.Hours, u.Text, Span(n, u)),
            NumberLabelled("a duration such as 3 h or 30 min"),
            P.Token(t => t.Kind == TokenKind.Word && DurationUnits.Contains(t.Text)).Labelled("'h', 'min' or 'days'"));

    internal static readonly Parser<Token, InfusionSyntax> Infusion =
        Map((k, d) => (InfusionSyntax)new OverInfusion(d, Span(k, d)), Keyword("over"), Duration)
            .Or(Keyword("continuous").Select(k => (InfusionSyntax)new ContinuousInfusion(k.Span)));

    internal static bool IsFrequencyWord(Token t) =>
        t.Kind == TokenKind.Word && (FrequencyWords.Contains(t.Text) || EveryHoursText(t.Text) is not null);

    private static readonly HashSet<string> FrequencyWords =
        new(["once", "daily", "bid", "tid", "qid", "qd", "qod", "weekly", "throughout", "every", "divided"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The N of "q&lt;N&gt;h", or null when the word is not of that form.</summary>
    internal static string? EveryHoursText(string word)
    {
        if (word.Length < 3 || (word[0] is not ('q' or 'Q')) || (word[^1] is not ('h' or 'H')))
        {
            return null;
        }
        var digits = word.AsSpan(1, word.Length - 2);
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }
        return digits.ToString();
    }

    /// <summary>
    /// A frequency as written; its numbers are checked by the line's builder (an interval of at least 1 hour
    /// that divides 24 without a count, a count only after q&lt;N&gt;h), so that an odd value is reported in words.
    /// </summary>
    private static readonly Parser<Token, Token> FrequencyWord =
        P.Token(t => IsFrequencyWord(t) && !t.IsWord("every") && !t.IsWord("divided")).Labelled("a frequency such as daily, bid or q12h");

    /// <summary><c>every N days|weeks</c>: the word, the number and whether it counts weeks.</summary>
    private static readonly Parser<Token, (Token Word, NumberLiteral Interval, Token Unit)> EveryInterval =
        Map((k, n, unit) => (k, n, unit), Keyword("every"), NumberLabelled("a number of days or weeks"),
            AnyOf("'days' or 'weeks'", "days", "day", "weeks", "week"));

    internal static readonly Parser<Token, FrequencySyntax> Frequency =
        Map(
            (divided, body, count) =>
            {
                var frequency = body.Every is { } every
                    ? new FrequencySyntax(FrequencyKind.EveryDays, every.Word.Text, 0, null, Span(every.Word, every.Unit))
                    {
                        Interval = every.Interval,
                        IntervalInWeeks = every.Unit.IsWord("week") || every.Unit.IsWord("weeks"),
                    }
                    : BuildFrequency(body.Word!.Value, null);
                var start = divided.HasValue ? divided.Value.Span : frequency.Span;
                var last = count.HasValue ? count.Value.Span : frequency.Span;
                return frequency with
                {
                    Count = count.HasValue ? count.Value : null,
                    Divided = divided.HasValue,
                    Span = start.Through(last),
                };
            },
            Keyword("divided").Optional(),
            EveryInterval.Select(e => (Every: ((Token Word, NumberLiteral Interval, Token Unit)?)e, Word: (Token?)null))
                .Or(FrequencyWord.Select(w => (Every: ((Token Word, NumberLiteral Interval, Token Unit)?)null, Word: (Token?)w))),
            Keyword("x").Then(NumberLabelled("a number of doses")).Optional());

    private static FrequencySyntax BuildFrequency(Token word, NumberLiteral? count)
    {
        var span = count is null ? word.Span : Span(word, count);
        if (EveryHoursText(word.Text) is { } digits)
        {
            // 0 marks an interval that is not a usable number of hours (q0h, q99999h); the builder reports it.
            int hours = digits.Length <= 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int h) ? h : 0;
            return new FrequencySyntax(FrequencyKind.EveryHours, word.Text, hours, count, span);
        }
        var kind = word.Text.ToLowerInvariant() switch
        {
            "once" => FrequencyKind.Once,
            "daily" => FrequencyKind.Daily,
            "bid" => FrequencyKind.Bid,
            "tid" => FrequencyKind.Tid,
            "qid" => FrequencyKind.Qid,
            "qd" => FrequencyKind.Qd,
            "weekly" => FrequencyKind.Weekly,
            "throughout" => FrequencyKind.Throughout,
            _ => FrequencyKind.Qod,
        };
        return new FrequencySyntax(kind, word.Text, 0, count, span);
    }

    /// <summary>A day number, which may be 0 or negative (<c>-5</c>: five days before day 0).</summary>
    internal static Parser<Token, NumberLiteral> DayNumberLabelled(string label) =>
        Map(
            (minus, n) => minus.HasValue
                ? new NumberLiteral(-n.Value, "-" + n.Text, minus.Value.Span.Through(n.Span))
                : n,
            Dash.Optional(),
            NumberLabelled(label));

    internal static readonly Parser<Token, NumberLiteral> DayNumber = DayNumberLabelled("a day number");

    /// <summary><c>4</c>, <c>1-3</c> or <c>-6 to -1</c>.</summary>
    internal static readonly Parser<Token, DayRange> DayRange =
        Map(
            (from, to) => to.HasValue
                ? new DayRange(from, to.Value.Last, Span(from, to.Value.Last)) { WrittenWithTo = to.Value.WithTo }
                : new DayRange(from, null, from.Span),
            DayNumber,
            Dash.Select(_ => false).Or(Keyword("to").Select(_ => true))
                .Then(DayNumberLabelled("the last day of the range"), (withTo, last) => (WithTo: withTo, Last: last))
                .Optional());

    internal static readonly Parser<Token, ImmutableArray<DayRange>> DayList =
        DayRange.SeparatedAtLeastOnce(Comma).Select(r => r.ToImmutableArray());

    /// <summary>A cycle number or range of cycle numbers (whole numbers from 1).</summary>
    internal static readonly Parser<Token, DayRange> CycleRange =
        Map(
            (from, to) => new DayRange(from, to.HasValue ? to.Value : null, to.HasValue ? Span(from, to.Value) : from.Span),
            NumberLabelled("a cycle number"),
            Dash.Then(NumberLabelled("the last cycle of the range")).Optional());

    internal static readonly Parser<Token, DaysSyntax> Days =
        Map(
            (k, list) => new DaysSyntax(list, k.IsWord("days"), Span(k, list[^1])),
            AnyOf("'day' or 'days'", "day", "days"),
            DayList);

    // ---- conditions ---------------------------------------------------------------------------

    // "else" ends the condition of a plan branch (<c>(a x 4 when age >= 60 else b x 4)</c>): never a unit.
    // "then" ends the event of an administration line's dose change (<c>until anc >= 1.0 then 15 mg</c>): never a unit either.
    private static readonly string[] ConditionWords = ["and", "or", "not", "else", "then"];

    /// <summary>
    /// The unit after a number in a condition: '%' or any word that does not go on with the condition or start
    /// the next clause (so <c>age &gt; 60 in cycles 1-4</c> still ends at 60), optionally over another word. Which
    /// units a fact takes (kg for weight, the declared unit of an input such as cells/uL) is the binder's business.
    /// </summary>
    private static readonly Parser<Token, string> ConditionUnit =
        Kind(TokenKind.Percent, "'%'").Select(_ => "%")
            .Or(Map(
                (w, per) => per.HasValue ? $"{w.Text}/{per.Value.Text}" : w.Text,
                P.Token(static t => IsConditionUnit(t)).Labelled("a unit such as kg, cm or %"),
                Try(Slash.Then(Kind(TokenKind.Word, "a unit"))).Optional()));

    private static bool IsConditionUnit(Token t) =>
        t.Kind == TokenKind.Word && !ConditionWords.Contains(t.Text, StringComparer.OrdinalIgnoreCase) && ReferenceEquals(ClauseFor(t), NoClause);

    internal static readonly Parser<Token, ConditionValue> ConditionValue =
        Map(
            (n, unit) => (ConditionValue)new QuantityValue(n, unit.HasValue ? unit.Value : null, n.Span.Through(n.Span)),
            NumberLabelled("a value such as 60, 45 kg or 20%"),
            ConditionUnit.Optional())
        .Or(Kind(TokenKind.Word, "a value such as female").Select(t => (ConditionValue)new WordValue(new Identifier(t.Text, t.Span), t.Span)));

    private static readonly Parser<Token, ComparisonOperator> ComparisonOperator =
        P.Token(t => t.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Equal or TokenKind.NotEqual)
            .Labelled("a comparison such as >=, < or =")
            .Select(t => t.Kind switch
            {
                TokenKind.Less => Nodes.ComparisonOperator.Less,
                TokenKind.LessEqual => Nodes.ComparisonOperator.LessOrEqual,
                TokenKind.Greater => Nodes.ComparisonOperator.Greater,
                TokenKind.GreaterEqual => Nodes.ComparisonOperator.GreaterOrEqual,
                TokenKind.Equal => Nodes.ComparisonOperator.Equal,
                _ => Nodes.ComparisonOperator.NotEqual,
            });

    private static readonly Parser<Token, ConditionSyntax> FactOrComparison =
        Map(
            (fact, rest) => rest.HasValue
                ? (ConditionSyntax)new ComparisonCondition(fact, rest.Value.Op, rest.Value.Value, Span(fact, rest.Value.Value))
                : new FactCondition(fact, fact.Span),
            Name("a patient fact such as age, weight or a declared input"),
            Map((op, value) => (Op: op, Value: value), ComparisonOperator, ConditionValue).Optional());

    internal static readonly Parser<Token, ConditionSyntax> Condition = Rec(() => OrCondition!);

    private static readonly Parser<Token, ConditionSyntax> ConditionPrimary =
        Map((open, inner, close) => (ConditionSyntax)new ParenthesizedCondition(inner, Span(open, close)), LeftParen, Condition, RightParen)
            .Or(FactOrComparison);

    // "not" is folded iteratively so that a long chain cannot exhaust the stack.
    private static readonly Parser<Token, ConditionSyntax> NotCondition =
        Map(
            (nots, operand) =>
            {
                var result = operand;
                for (int i = nots.Count - 1; i >= 0; i--)
                {
                    result = new NotCondition(result, Span(nots[i], result));
                }
                return result;
            },
            Keyword("not").Many().Select(static n => n as IReadOnlyList<Token> ?? [.. n]),
            ConditionPrimary);

    // "and" and "or" are n-ary: a long chain is one node, one level deep.
    private static readonly Parser<Token, ConditionSyntax> AndCondition =
        NotCondition.SeparatedAtLeastOnce(Keyword("and"))
            .Select(items =>
            {
                var list = items.ToImmutableArray();
                return list.Length == 1 ? list[0] : new AndCondition(list, Span(list[0], list[^1]));
            });

    private static readonly Parser<Token, ConditionSyntax> OrCondition =
        AndCondition.SeparatedAtLeastOnce(Keyword("or"))
            .Select(items =>
            {
                var list = items.ToImmutableArray();
                return list.Length == 1 ? list[0] : new OrCondition(list, Span(list[0], list[^1]));
            });

    // ---- modifiers and the administration line --------------------------------------------------

    internal static readonly Parser<Token, ImmutableArray<DayRange>> CycleList =
        CycleRange.SeparatedAtLeastOnce(Comma).Select(r => r.ToImmutableArray());

    /// <summary><c>07:00</c>: an hour, a colon and two-digit minutes, checked by the line's builder.</summary>
    internal static readonly Parser<Token, ClockTimeSyntax> ClockTime =
        Map(
            (h, _, m) => new ClockTimeSyntax(
                h.IsWholeNumber && h.Value <= 99 ? (int)h.Value : -1,
                m.IsWholeNumber && m.Text.Length == 2 ? (int)m.Value : -1,
                Span(h, m)) { Written = $"{h.Text}:{m.Text}" },
            NumberLabelled("a clock time such as 07:00"),
            Colon,
            NumberLabelled("the minutes, such as 00 in 07:00"));

    private static readonly Parser<Token, ModifierSyntax> AtModifier =
        Map((k, times) => (ModifierSyntax)new AtModifier([.. times], Span(k, times.Last())),
            Keyword("at"), ClockTime.SeparatedAtLeastOnce(Comma));

    private static readonly Parser<Token, ModifierSyntax> LabelModifier =
        Map((k, name) => (ModifierSyntax)new LabelModifier(name, Span(k, name)), Keyword("as"), Name("a name for this line, such as mtx-load"));

    /// <summary><c>[30 min] before|after ANCHOR [starts|ends]</c>, after an optional <c>from</c> read by the caller.</summary>
    private static Parser<Token, TimingModifier> TimingTail(Token? from) =>
        Map(
            (offset, relation, anchor, edge) => new TimingModifier(
                from is not null,
                offset.HasValue ? offset.Value : null,
                relation.IsWord("before") ? TimingRelation.Before : TimingRelation.After,
                anchor,
                edge.HasValue ? (edge.Value.Text.StartsWith("s", StringComparison.OrdinalIgnoreCase) ? AnchorEdge.Starts : AnchorEdge.Ends) : null,
                (from?.Span ?? (offset.HasValue ? offset.Value.Span : relation.Span)).Through(edge.HasValue ? edge.Value.Span : anchor.Span)),
            Duration.Optional(),
            AnyOf("'before' or 'after'", "before", "after"),
            Name("the label or drug of the line it is timed from"),
            AnyOf("'starts' or 'ends'", "starts", "start", "ends", "end").Optional());

    internal static readonly Parser<Token, ModifierSyntax> Timing = TimingTail(null).Select(t => (ModifierSyntax)t);

    private static readonly Parser<Token, ModifierSyntax> CapModifier =
        Map((k, q) => (ModifierSyntax)new CapModifier(q, Span(k, q)), Keyword("cap"), AmountDose);

    private static readonly Parser<Token, ModifierSyntax> RoundModifier =
        Map((k, q) => (ModifierSyntax)new RoundModifier(q, Span(k, q)), Keyword("round").Before(Keyword("to")), AmountDose);

    private static readonly Parser<Token, ModifierSyntax> WhenModifier =
        Map((k, c) => (ModifierSyntax)new WhenModifier(c, Span(k, c)), Keyword("when"), Condition);

    private static readonly Parser<Token, ModifierSyntax> InCycles =
        Map((k, word, list) => (ModifierSyntax)new CycleSelector(list, From: false, word.IsWord("cycles"), Span(k, list[^1])),
            Keyword("in"), AnyOf("'cycle' or 'cycles'", "cycle", "cycles"), CycleList);

    /// <summary><c>from cycle 5</c>, or a timing that starts with <c>from</c> (<c>from 24 h after mtx-load starts</c>).</summary>
    private static readonly Parser<Token, ModifierSyntax> FromCycle =
        Keyword("from").Then(from =>
            Map((word, n) => (ModifierSyntax)new CycleSelector([new DayRange(n, null, n.Span)], From: true, Plural: false, Span(from, n)),
                Keyword("cycle"), NumberLabelled("a cycle number"))
            .Or(TimingTail(from).Select(t => (ModifierSyntax)t)));

    /// <summary><c>from day 8</c>: the first day of a line that runs until a condition, the same as <c>day 8</c> (RL2041 on any other line).</summary>
    private static readonly Parser<Token, DaysSyntax> FromDay =
        Map((from, _, n) => new DaysSyntax([new DayRange(n, null, n.Span)], Plural: false, Span(from, n)) { WrittenFrom = true },
            Keyword("from"), Keyword("day"), DayNumber);

    private static readonly Parser<Token, ModifierSyntax> NoteModifier =
        Map((k, s) => (ModifierSyntax)new NoteModifier(s, Span(k, s)), Keyword("note"), StringLiteral);

    /// <summary><c>prn "reason" [(at most N per day)]</c>: a dose given as needed.</summary>
    private static readonly Parser<Token, ModifierSyntax> AsNeededModifier =
        Map(
            (k, reason, max) => (ModifierSyntax)new AsNeededModifier(reason, max.HasValue ? max.Value.N : null, max.HasValue ? Span(k, max.Value.Close) : Span(k, reason)),
            Keyword("prn"),
            StringLiteral,
            Map((_, _, _, n, _, _, close) => (N: n, Close: close),
                LeftParen, Keyword("at"), Keyword("most"), NumberLabelled("the most doses a day, such as 4"), Keyword("per"), Keyword("day"), RightParen).Optional());

    private static readonly Parser<Token, Token> DayWord = AnyOf("'days'", "days", "day");

    /// <summary>
    /// <c>until CONDITION ([expect N days,] at most M days)</c>, a lab- or event-driven duration, or <c>until EVENT then DOSE</c>,
    /// a dose change on a response event.
    /// </summary>
    private static readonly Parser<Token, ModifierSyntax> UntilModifier =
        Keyword("until").Then(k => Condition.Then(condition =>
            Map(
                (expect, atMost, close) => (ModifierSyntax)new UntilModifier(condition, expect.HasValue ? expect.Value : null, atMost, null, Span(k, close)),
                LeftParen.Then(Keyword("expect").Then(NumberLabelled("the expected number of days")).Before(DayWord).Before(Comma).Optional()),
                Keyword("at").Then(Keyword("most")).Then(NumberLabelled("the longest course in days, such as 14")).Before(DayWord),
                RightParen)
            .Or(Keyword("then").Then(AmountDose).Select(dose => (ModifierSyntax)new UntilModifier(condition, null, null, dose, Span(k, dose))))
            .Labelled("'(at most N days)' or 'then' and the dose after the event")));

    internal static readonly Parser<Token, ModifierSyntax> Modifier =
        OneOf(CapModifier, RoundModifier, WhenModifier, InCycles, FromCycle, NoteModifier, AtModifier, LabelModifier, Timing, AsNeededModifier, UntilModifier);

    /// <summary>What may follow the route of an administration line, for "expected ..." messages.</summary>
    internal const string ClauseLabel =
        "another clause (over, continuous, a frequency such as bid or q12h, day or days, at, as, before, after, cap, round to, when, in cycle, from cycle, note, prn, until)";

    /// <summary>Fails without consuming anything, so that the clause list ends there.</summary>
    private static readonly Parser<Token, SyntaxNode> NoClause =
        P.Token(static _ => false).Labelled(ClauseLabel).Select(static t => (SyntaxNode)new Identifier(t.Text, t.Span));

    /// <summary>
    /// The parser of each clause keyword. A clause is chosen by its first word (looked at, not consumed)
    /// instead of trying every alternative in turn: administration lines are most of a file, and this
    /// keeps their parsing free of failed attempts.
    /// </summary>
    private static readonly Dictionary<string, Parser<Token, SyntaxNode>> ClauseByKeyword = new(StringComparer.OrdinalIgnoreCase)
    {
        ["over"] = Infusion.Select(static x => (SyntaxNode)x),
        ["continuous"] = Infusion.Select(static x => (SyntaxNode)x),
        ["day"] = Days.Select(static x => (SyntaxNode)x),
        ["days"] = Days.Select(static x => (SyntaxNode)x),
        ["cap"] = CapModifier.Select(static x => (SyntaxNode)x),
        ["round"] = RoundModifier.Select(static x => (SyntaxNode)x),
        ["when"] = WhenModifier.Select(static x => (SyntaxNode)x),
        ["in"] = InCycles.Select(static x => (SyntaxNode)x),
        ["from"] = Try(FromDay).Select(static x => (SyntaxNode)x).Or(FromCycle.Select(static x => (SyntaxNode)x)),
        ["note"] = NoteModifier.Select(static x => (SyntaxNode)x),
        ["at"] = AtModifier.Select(static x => (SyntaxNode)x),
        ["as"] = LabelModifier.Select(static x => (SyntaxNode)x),
        ["before"] = Timing.Select(static x => (SyntaxNode)x),
        ["after"] = Timing.Select(static x => (SyntaxNode)x),
        ["prn"] = AsNeededModifier.Select(static x => (SyntaxNode)x),
        ["until"] = UntilModifier.Select(static x => (SyntaxNode)x),
    };

    private static readonly Parser<Token, SyntaxNode> TimingClause = Timing.Select(static x => (SyntaxNode)x);

    private static readonly Parser<Token, SyntaxNode> FrequencyClause = Frequency.Select(static x => (SyntaxNode)x);

    /// <summary>The parser of the clause that starts with <paramref name="t"/>, or null when no clause starts with it.</summary>
    internal static Parser<Token, SyntaxNode>? ClauseStartingWith(Token t) => ClauseFor(t) is var p && ReferenceEquals(p, NoClause) ? null : p;

    /// <summary>
    /// The clause that starts at <paramref name="i"/>, for reading a broken line clause by clause: a number starts one
    /// only as the offset of a timing (<c>30 min before</c>), so that a dose or a day number is not taken for a clause.
    /// </summary>
    internal static Parser<Token, SyntaxNode>? ClauseAt(ReadOnlySpan<Token> tokens, int i)
    {
        if (tokens[i].Kind != TokenKind.Number)
        {
            return ClauseStartingWith(tokens[i]);
        }
        return i + 2 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && DurationUnits.Contains(tokens[i + 1].Text)
            && (tokens[i + 2].IsWord("before") || tokens[i + 2].IsWord("after"))
            ? TimingClause
            : null;
    }

    private static Parser<Token, SyntaxNode> ClauseFor(Token t) =>
        t.Kind == TokenKind.Number ? TimingClause // "30 min before rituximab"
        : t.Kind != TokenKind.Word ? NoClause
        : ClauseByKeyword.TryGetValue(t.Text, out var parser) ? parser
        : IsFrequencyWord(t) ? FrequencyClause
        : NoClause;

    private static readonly Parser<Token, SyntaxNode> Clause =
        Lookahead(P.Any).Bind(static t => ClauseFor(t));

    internal static readonly Parser<Token, AdministrationParts> AdministrationLine =
        Map(
            (drug, dose, routes, clauses) => new AdministrationParts(drug, dose, routes, clauses,
                clauses.Count > 0 ? Span(drug, clauses[^1]) : Span(drug, routes[^1])),
            DrugName, Dose, Routes, Clause.Many().Select(static c => c as IReadOnlyList<SyntaxNode> ?? [.. c]))
        .Before(EndOfLine);

    // ---- order lines ---------------------------------------------------------------------------

    /// <summary><c>[24 h, 48 h] before|after ANCHOR [starts|ends]</c>: the timing of an order, with any number of offsets.</summary>
    internal static readonly Parser<Token, ModifierSyntax> OrderTiming =
        Map(
            (offsets, relation, anchor, edge) => (ModifierSyntax)new OrderTiming(
                offsets.HasValue ? [.. offsets.Value] : [],
                relation.IsWord("before") ? TimingRelation.Before : TimingRelation.After,
                anchor,
                edge.HasValue ? (edge.Value.Text.StartsWith("s", StringComparison.OrdinalIgnoreCase) ? AnchorEdge.Starts : AnchorEdge.Ends) : null,
                (offsets.HasValue ? offsets.Value.First().Span : relation.Span).Through(edge.HasValue ? edge.Value.Span : anchor.Span)),
            Duration.SeparatedAtLeastOnce(Comma).Optional(),
            AnyOf("'before' or 'after'", "before", "after"),
            Name("the label or drug of the line it is timed from"),
            AnyOf("'starts' or 'ends'", "starts", "start", "ends", "end").Optional());

    private static readonly Parser<Token, ModifierSyntax> OrderFromCycle =
        Map((from, word, n) => (ModifierSyntax)new CycleSelector([new DayRange(n, null, n.Span)], From: true, Plural: false, Span(from, n)),
            Keyword("from"), Keyword("cycle"), NumberLabelled("a cycle number"));

    /// <summary>What may follow the text of an order, for "expected ..." messages.</summary>
    internal const string OrderClauseLabel =
        "a clause of an order (day or days, (weekdays), at, a timing such as 24 h after methotrexate starts, when, in cycle, from cycle, note)";

    private static readonly Parser<Token, SyntaxNode> NoOrderClause =
        P.Token(static _ => false).Labelled(OrderClauseLabel).Select(static t => (SyntaxNode)new Identifier(t.Text, t.Span));

    private static readonly Parser<Token, SyntaxNode> OrderTimingClause = OrderTiming.Select(static x => (SyntaxNode)x);

    /// <summary><c>(weekdays)</c>: an order's days that fall Monday to Friday only.</summary>
    internal static readonly Parser<Token, ModifierSyntax> Weekdays =
        Map((open, word, close) => (ModifierSyntax)new WeekdaysModifier(Span(open, close)), LeftParen, Keyword("weekdays"), RightParen);

    private static readonly Dictionary<string, Parser<Token, SyntaxNode>> OrderClauseByKeyword = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = Days.Select(static x => (SyntaxNode)x),
        ["days"] = Days.Select(static x => (SyntaxNode)x),
        ["at"] = AtModifier.Select(static x => (SyntaxNode)x),
        ["when"] = WhenModifier.Select(static x => (SyntaxNode)x),
        ["in"] = InCycles.Select(static x => (SyntaxNode)x),
        ["from"] = OrderFromCycle.Select(static x => (SyntaxNode)x),
        ["note"] = NoteModifier.Select(static x => (SyntaxNode)x),
        ["before"] = OrderTimingClause,
        ["after"] = OrderTimingClause,
    };

    private static readonly Parser<Token, SyntaxNode> OrderClause =
        Lookahead(P.Any).Bind(static t =>
            t.Kind == TokenKind.Number ? OrderTimingClause
            : t.Kind == TokenKind.LeftParen ? Weekdays.Select(static x => (SyntaxNode)x)
            : t.Kind == TokenKind.Word && OrderClauseByKeyword.TryGetValue(t.Text, out var parser) ? parser
            : NoOrderClause);

    /// <summary><c>order "text" clause...</c>: the clauses in any order, checked by <see cref="OrderParser"/>.</summary>
    internal static readonly Parser<Token, (Token Keyword, StringLiteral Text, IReadOnlyList<SyntaxNode> Clauses)> OrderLine =
        Map((k, text, clauses) => (k, text, (IReadOnlyList<SyntaxNode>)[.. clauses]),
            Keyword("order"), StringLiteral, OrderClause.Many())
        .Before(EndOfLine);

    internal static readonly Parser<Token, IncludeLine> IncludeLine =
        Map((k, name) => new IncludeLine(name, Span(k, name)), Keyword("include"), Name("a block name"))
        .Before(EndOfLine);

    // ---- top-level statements -----------------------------------------------------------------

    internal static readonly Parser<Token, HeaderStatement> Header =
        Map((k, title) => new HeaderStatement(title, Span(k, title)), Keyword("regimen"), StringLiteral)
        .Before(EndOfLine);

    /// <summary>The values of a <c>choice</c> input, after the keyword: words separated by '|' (<c>negative | positive</c>).</summary>
    internal static readonly Parser<Token, IEnumerable<Identifier>> ChoiceValues =
        Name("a value of the choice, such as negative").SeparatedAtLeastOnce(Kind(TokenKind.Pipe, "'|'"));

    /// <summary>The unit of a <c>number</c> input (<c>kg</c>, <c>cells/uL</c>).</summary>
    internal static readonly Parser<Token, (string Text, SourceSpan Span)> InputUnit =
        Map((w, per) => per.HasValue ? (Text: $"{w.Text}/{per.Value.Text}", Span: Span(w, per.Value)) : (Text: w.Text, Span: w.Span),
            Kind(TokenKind.Word, "a unit"), Slash.Then(Kind(TokenKind.Word, "a unit")).Optional());

    internal static readonly Parser<Token, InputType> InputType =
        AnyOf("an input type: flag, percent, number or choice", "flag", "percent", "number", "choice").Then(k => k.IsWord("choice")
            ? ChoiceValues.Select(values => new InputType(InputKind.Choice, null, Span(k, values.Last())) { Choices = [.. values] })
            : InputUnit.Optional().Select(unit => new InputType(
                k.IsWord("flag") ? InputKind.Flag : k.IsWord("percent") ? InputKind.Percent : InputKind.Number,
                unit.HasValue ? unit.Value.Text : null,
                unit.HasValue ? unit.Value.Span : k.Span)));

    internal static readonly Parser<Token, InputStatement> Input =
        Map(
            (k, name, type, description) => new InputStatement(name, type,
                description.HasValue ? description.Value : null,
                description.HasValue ? Span(k, description.Value) : Span(k, type)),
            Keyword("input"), Name("an input name"), Colon.Then(InputType), StringLiteral.Optional())
        .Before(EndOfLine);

    internal static readonly Parser<Token, Identifier> BlockHeader =
        Keyword("block").Then(Name("a block name")).Before(LeftBrace).Before(EndOfLine);

    internal static readonly Parser<Token, Identifier> PhaseBlockHeader =
        Keyword("phase").Then(Name("the name of a phase of the plan")).Before(LeftBrace).Before(EndOfLine);

    internal static readonly Parser<Token, CycleHeader> CycleHeader =
        Map(
            (k, name, title, length, unit, brace) => new CycleHeader(name, title.HasValue ? title.Value : null, length, unit, Span(k, brace)),
            Keyword("cycle"), Name("a cycle name"), StringLiteral.Optional(),
            Keyword("length").Then(NumberLabelled("the cycle length in days or weeks")), LengthUnit, LeftBrace)
        .Before(EndOfLine);

    internal static readonly Parser<Token, LimitScope> LimitScope =
        Keyword("per").Then(AnyOf("'dose', 'day' or 'cycle'", "dose", "administration", "day", "cycle"))
            .Select(t => t.Text.ToLowerInvariant() switch
            {
                "day" => Nodes.LimitScope.PerDay,
                "cycle" => Nodes.LimitScope.PerCycle,
                _ => Nodes.LimitScope.PerDose,
            })
            .Or(Keyword("lifetime").Select(_ => Nodes.LimitScope.Lifetime));

    internal static readonly Parser<Token, LimitStatement> Limit =
        Map(
            (k, drug, amount, scope) => new LimitStatement(drug, amount, scope, Span(k, amount)),
            Keyword("limit"), DrugName, AmountDose, LimitScope)
        .Before(EndOfLine);

    private static readonly Parser<Token, Token> RightBrace = Kind(TokenKind.RightBrace, "'}'");

    /// <summary>What a dose level may be, for "expected ..." messages.</summary>
    private const string LevelValueLabel = "a dose such as 150 mg/m2, a percentage of the full dose such as 75%, or omit";

    /// <summary>The value of a dose level: a dose, a percentage of the full dose, or <c>omit</c>.</summary>
    private static readonly Parser<Token, (DoseSyntax? Dose, NumberLiteral? Percent, SourceSpan Span)> LevelValue = OneOf(
        Keyword("omit").Select(k => ((DoseSyntax?)null, (NumberLiteral?)null, k.Span)),
        AucDose.Select(d => ((DoseSyntax?)d, (NumberLiteral?)null, d.Span)),
        NumberLabelled(LevelValueLabel).Then(n =>
            Kind(TokenKind.Percent, "'%' or a unit such as mg").Select(pct => ((DoseSyntax?)null, (NumberLiteral?)n, Span(n, pct)))
                .Or(DoseUnit.Select(u => ((DoseSyntax?)new AmountDose(n, u, Span(n, u)), (NumberLiteral?)null, Span(n, u))))))
        .Labelled(LevelValueLabel);

    internal static readonly Parser<Token, DoseLevelSyntax> DoseLevel =
        Map(
            (level, value) => new DoseLevelSyntax(level, value.Dose, value.Percent, value.Span, level.Span.Through(value.Span)),
            DayNumberLabelled("a dose level such as 0, -1 or 1"),
            Colon.Then(LevelValue));

    internal static readonly Parser<Token, LevelsStatement> Levels =
        Map(
            (k, drug, levels, close) => new LevelsStatement(drug, [.. levels], Span(k, close)),
            Keyword("levels"), DrugName,
            Kind(TokenKind.LeftBrace, "'{'").Then(DoseLevel.SeparatedAtLeastOnce(Comma)),
            RightBrace)
        .Before(EndOfLine);

    internal static readonly Parser<Token, Identifier> PlanHeader =
        Keyword("plan").Select(t => new Identifier(t.Text, t.Span)).Before(LeftBrace).Before(EndOfLine);

    // ---- plan sequences -----------------------------------------------------------------------------

    internal static readonly Parser<Token, SequenceSyntax> Sequence = Rec(() => ThenSequence!);

    /// <summary>The inside of parentheses: a sequence, or a branch <c>sequence when condition [else ...]</c>.</summary>
    private static readonly Parser<Token, SequenceSyntax> BranchOrSequence = Rec(() => BranchBody!);

    private static readonly Parser<Token, SequenceSyntax> BranchBody =
        Map(
            (then, branch) => branch.HasValue
                ? new BranchSequence(then, branch.Value.Condition, branch.Value.Else,
                    branch.Value.Else is { } e ? Span(then, e) : Span(then, branch.Value.Condition))
                : then,
            Sequence,
            Map((condition, otherwise) => (Condition: condition, Else: otherwise.HasValue ? otherwise.Value : null),
                Keyword("when").Then(Condition),
                Keyword("else").Then(BranchOrSequence).Optional()).Optional());

    private static readonly Parser<Token, SequenceSyntax> SequencePrimary = OneOf(
        Map((open, inner, close) => (SequenceSyntax)new ParenthesizedSequence(inner, Span(open, close)), LeftParen, BranchOrSequence, RightParen),
        Map((k, n, unit) => (SequenceSyntax)new RestSequence(n, unit, Span(k, n)), Keyword("rest"), NumberLabelled("a number of days or weeks"), LengthUnit),
        Name("a cycle name").Select(n => (SequenceSyntax)new CycleReference(n, n.Span)));

    private static readonly Parser<Token, CourseUnit> CourseUnit =
        AnyOf("'cycles', 'days', 'weeks' or 'years'", "cycles", "cycle", "days", "day", "weeks", "week", "years", "year")
            .Select(t => char.ToLowerInvariant(t.Text[0]) switch
            {
                'c' => Nodes.CourseUnit.Cycles,
                'd' => Nodes.CourseUnit.Days,
                'w' => Nodes.CourseUnit.Weeks,
                _ => Nodes.CourseUnit.Years,
            });

    /// <summary>A number of cycles, days, weeks or years: one bound of an open-ended course.</summary>
    private static readonly Parser<Token, CourseBound> CourseAmount =
        Map((n, unit) => new CourseBound(n, unit), NumberLabelled("a number of cycles, days, weeks or years"), CourseUnit);

    /// <summary>
    /// <c>at least n unit[, at most n unit]</c> or <c>at most n unit</c>. The order is part of the grammar (a lower bound
    /// before an upper one), so a bound out of order is an ordinary syntax error naming what may come there.
    /// </summary>
    private static readonly Parser<Token, (CourseBound? AtLeast, CourseBound? AtMost)> AtBounds =
        Keyword("at").Then(OneOf(
            Keyword("least").Then(Map(
                (least, most) => ((CourseBound?)least, most.HasValue ? most.Value : null),
                CourseAmount,
                Comma.Then(Keyword("at")).Then(Keyword("most")).Then(CourseAmount).Optional())),
            Keyword("most").Then(CourseAmount).Select(most => ((CourseBound?)null, (CourseBound?)most))));

    /// <summary>The bounds of an open-ended course in their fixed order: <c>expect</c>, <c>at least</c>, <c>at most</c>, at least one.</summary>
    private static readonly Parser<Token, (CourseBound? Expect, CourseBound? AtLeast, CourseBound? AtMost)> OpenEndBounds = OneOf(
        Map(
            (expect, rest) => ((CourseBound?)expect, rest.HasValue ? rest.Value.AtLeast : null, rest.HasValue ? rest.Value.AtMost : null),
            Keyword("expect").Then(CourseAmount),
            Comma.Then(AtBounds).Optional()),
        AtBounds.Select(b => ((CourseBound?)null, b.AtLeast, b.AtMost)));

    /// <summary><c>repeat until event (expect n unit, at least n unit, at most n unit)</c>, after the item.</summary>
    private static readonly Parser<Token, Func<SequenceSyntax, SequenceSyntax>> OpenEnd =
        Map(
            (evt, bounds, close) => (Func<SequenceSyntax, SequenceSyntax>)(item =>
                new OpenRepeatSequence(item, evt, bounds.Expect, bounds.AtLeast, bounds.AtMost, Span(item, close))),
            Keyword("repeat").Then(Keyword("until")).Then(Name("the event that ends the course, such as progression")).Before(LeftParen),
            OpenEndBounds,
            RightParen);

    /// <summary><c>x n</c> after an item.</summary>
    private static readonly Parser<Token, Func<SequenceSyntax, SequenceSyntax>> Times =
        Keyword("x").Then(NumberLabelled("a number of repeats"))
            .Select(count => (Func<SequenceSyntax, SequenceSyntax>)(item => new RepeatSequence(item, count, Span(item, count))));

    // Postfix repeats apply left to right (a x 2 x 3, a x 2 repeat until ...), folded iteratively.
    private static readonly Parser<Token, SequenceSyntax> RepeatSequence =
        Map(
            (item, postfixes) => postfixes.Aggregate(item, (result, apply) => apply(result)),
            SequencePrimary,
            Times.Or(OpenEnd).Many());

    private static readonly Parser<Token, SequenceSyntax> ThenSequence =
        RepeatSequence.SeparatedAtLeastOnce(Keyword("then"))
            .Select(items =>
            {
                var list = items.ToImmutableArray();
                return list.Length == 1 ? list[0] : new ThenSequence(list, Span(list[0], list[^1]));
            });

    internal static readonly Parser<Token, PhaseSyntax> Phase =
        Map((name, seq) => new PhaseSyntax(name, seq, Span(name, seq)), Name("a phase name"), Colon.Then(Sequence))
        .Before(EndOfLine);
}
