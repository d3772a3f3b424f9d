using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Parses a regimen file. A newline ends every statement, so the file is read line by line: each
/// line is lexed and handed to the Pidgin parser of the statement it starts; <c>{</c> and <c>}</c>
/// open and close the one level of blocks the language has.
/// <para>
/// Parsing never fails and never drops a line: a line with an error becomes an error node holding its
/// tokens, an administration line keeps every part that could be read, and a block, cycle or plan
/// whose opening line fails is still opened (with its name, when it can be read), so its body is parsed
/// and checked and the names it defines exist. One mistake gives one finding (<see cref="LineDiagnostics"/>).
/// Parsing never throws on any input, and every tree it returns nests at most <see cref="MaxNesting"/> deep.
/// </para>
/// </summary>
public static class RegimenParser
{
    public const int MaxLineLength = 10_000;
    public const int MaxNesting = 64;

    public static ParseResult Parse(string path, string text) => Parse(new SourceText(path, text));

    public static ParseResult Parse(SourceText source)
    {
        var state = new ParseState(source);
        string text = source.Text;
        int lineStart = 0;
        int line = 1;
        while (lineStart <= text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            state.ParseLine(lineStart, lineEnd, line);
            if (newline < 0)
            {
                break;
            }
            lineStart = newline + 1;
            line++;
        }
        state.CloseAtEndOfFile();
        var document = new RegimenDocument(source.Path, [.. state.Statements], [.. state.Comments], source.Span(0, text.Length));
        return new ParseResult(source, document, state.Diagnostics.Sorted());
    }

    private enum ContainerKind
    {
        Block,
        Cycle,
        Plan,
        Phase,
    }

    private static string Name(ContainerKind kind) => kind switch
    {
        ContainerKind.Block => "block",
        ContainerKind.Cycle => "cycle",
        ContainerKind.Phase => "phase",
        _ => "plan",
    };

    private static ContainerKind? KindOf(string word) => word.ToLowerInvariant() switch
    {
        "block" => ContainerKind.Block,
        "cycle" => ContainerKind.Cycle,
        "plan" => ContainerKind.Plan,
        "phase" => ContainerKind.Phase,
        _ => null,
    };

    /// <summary>A block, cycle or plan whose closing brace has not been seen yet.</summary>
    private sealed class OpenContainer(ContainerKind kind, SourceSpan openSpan, string name)
    {
        public ContainerKind Kind { get; } = kind;
        public SourceSpan OpenSpan { get; } = openSpan;
        public string Name { get; } = name;
        public Identifier? Identifier { get; init; }
        public StringLiteral? Title { get; init; }
        public NumberLiteral? Length { get; init; }
        public LengthUnit LengthUnit { get; init; }
        public SkippedTokens HeaderSkipped { get; init; } = SkippedTokens.Empty;

        /// <summary>
        /// The opening line already has its finding (it had no '{', or it could not be read): no second finding for that
        /// line when the '}' is missing too.
        /// </summary>
        public bool Implicit { get; init; }

        public List<BodyLine> Body { get; } = [];
        public List<PlanLine> Lines { get; } = [];
    }

    private sealed class ParseState(SourceText source)
    {
        private static readonly HashSet<string> TopLevelKeywords =
            new(["regimen", "input", "block", "cycle", "limit", "levels", "plan"], StringComparer.OrdinalIgnoreCase);

        private readonly LineDiagnostics _line = new();
        private OpenContainer? _open;

        /// <summary>The line before opened a container without '{': a lone '{' on the next statement line belongs to it.</summary>
        private bool _braceMayFollow;

        /// <summary>
        /// A body line stood at the top level (its container's header is missing or broken beyond reading) and was reported: the
        /// body lines and the '}' that follow it are the same one mistake, kept in the tree as error statements but not reported again.
        /// </summary>
        private bool _strayBody;

        public DiagnosticBag Diagnostics { get; } = new(source.Path);
        public List<Statement> Statements { get; } = [];
        public List<Comment> Comments { get; } = [];

        public void ParseLine(int start, int end, int line)
        {
            ParseLineCore(start, end, line);
            if (_line.Take() is { } finding)
            {
                Diagnostics.Add(finding);
            }
        }

        private void ParseLineCore(int start, int end, int line)
        {
            string text = source.Text;
            var lineSpan = new SourceSpan(start, Math.Min(end - start, MaxLineLength), line, 1);
            if (end - start > MaxLineLength)
            {
                _line.Parse(Diagnose.LineTooLong(lineSpan with { Length = 0 }, end - start, MaxLineLength));
                AddErrorLine(new SkippedTokens([], lineSpan));
                _braceMayFollow = false;
                return;
            }

            if (LoneSurrogate(text, start, end) is int bad)
            {
                // Only text given through the library can hold one (a UTF-8 file cannot): no later writer could print it.
                _line.Parse(Diagnose.InvalidCharacter(new SourceSpan(bad, 1, line, bad - start + 1), text[bad]));
                AddErrorLine(new SkippedTokens([], lineSpan with { Length = end - start }));
                _braceMayFollow = false;
                return;
            }

            if (_open is { Kind: not ContainerKind.Plan, Body.Count: 0 } && MetadataLine.HasKey(text, start, end))
            {
                // 'key: value' as the first line of a cycle, block or phase block: the opening line is the stray one (pasted
                // or left in the header); the metadata lines after it are read as metadata, not each as a broken line.
                if (!_open.Implicit)
                {
                    Diagnostics.Add(Diagnose.UnclosedBlock(_open.OpenSpan, Name(_open.Kind), _open.Name));
                }
                Close(null);
                _braceMayFollow = false;
            }

            if (_open is null && MetadataLine.TryParse(text, start, end, line, _line, out var metadata, out var metadataComment))
            {
                if (metadataComment is not null)
                {
                    Comments.Add(metadataComment);
                }
                Statements.Add(metadata!);
                _braceMayFollow = false;
                return;
            }

            var lexed = Lexer.LexLine(text, start, end, line, _line);
            if (lexed.Comment is not null)
            {
                Comments.Add(lexed.Comment);
            }
            var tokens = lexed.Tokens;
            if (tokens.Length == 0)
            {
                return;
            }
            var last = tokens[^1];
            var endOfLine = new SourceSpan(last.End, 0, line, last.End - start + 1);

            if (_braceMayFollow)
            {
                _braceMayFollow = false;
                if (tokens is [{ Kind: TokenKind.LeftBrace }])
                {
                    return; // the '{' the opening line lacked (already reported there)
                }
            }

            if (_open is not null && tokens[0].Kind == TokenKind.RightBrace)
            {
                if (tokens.Length > 1)
                {
                    _line.Parse(Diagnose.Expected(tokens[1].Span, ["the end of the line after '}'"], tokens[1].ToString()));
                }
                Close(tokens[0].Span);
                return;
            }

            if (_open is not null && tokens[0].Kind == TokenKind.Word
                && (TopLevelKeywords.Contains(tokens[0].Text) || IsPhaseBlockOpening(tokens)))
            {
                // A top-level statement inside a block almost always means a forgotten '}'.
                if (!_open.Implicit)
                {
                    Diagnostics.Add(Diagnose.UnclosedBlock(_open.OpenSpan, Name(_open.Kind), _open.Name));
                }
                Close(null);
            }

            int depth = MaxParenthesisDepth(tokens, out var deepest);
            if (depth > MaxNesting)
            {
                _line.Parse(Diagnose.ParenthesesTooDeep(deepest.Span, depth, MaxNesting));
                AddErrorLine(Skipped(tokens));
                return;
            }

            if (_open is null)
            {
                ParseTopLevel(tokens, endOfLine);
            }
            else if (_open.Kind == ContainerKind.Plan)
            {
                ParsePlanLine(tokens, endOfLine);
            }
            else
            {
                ParseBodyLine(tokens, endOfLine);
            }
        }

        /// <summary><c>phase name {</c>: "phase" alone is not reserved (a plan may name a phase "phase"), the shape of the line is.</summary>
        private static bool IsPhaseBlockOpening(ReadOnlySpan<Token> tokens) =>
            tokens.Length == 3 && tokens[0].IsWord("phase") && tokens[1].Kind == TokenKind.Word && tokens[2].Kind == TokenKind.LeftBrace;

        private void ParseTopLevel(ReadOnlySpan<Token> tokens, SourceSpan endOfLine)
        {
            var first = tokens[0];
            if (first.Kind == TokenKind.RightBrace)
            {
                if (!_strayBody)
                {
                    _line.Parse(Diagnose.UnexpectedCloseBrace(first.Span));
                }
                _strayBody = false;
                Statements.Add(new ErrorStatement(Skipped(tokens), first.Span.Through(tokens[^1].Span)));
                return;
            }
            string keyword = first.Kind == TokenKind.Word ? first.Text.ToLowerInvariant() : "";
            bool strayBefore = _strayBody;
            _strayBody = false;
            switch (keyword)
            {
                case "regimen":
                    AddStatement(Run(Grammar.Header, tokens, endOfLine), tokens);
                    return;
                case "input":
                    AddStatement(Run(Grammar.Input, tokens, endOfLine), tokens);
                    return;
                case "limit":
                    var limit = Run(Grammar.Limit, tokens, endOfLine);
                    if (limit is not null)
                    {
                        _line.Validation(StatementValidator.Positive(limit.Amount.Amount, NumberRole.Limit));
                    }
                    AddStatement(_line.HasErrors ? null : limit, tokens);
                    return;
                case "levels":
                    var levels = Run(Grammar.Levels, tokens, endOfLine);
                    if (levels is not null)
                    {
                        _line.Validation(StatementValidator.Levels(levels));
                    }
                    AddStatement(_line.HasErrors ? null : levels, tokens);
                    return;
                case "block" or "cycle" or "plan" or "phase":
                    Open(KindOf(keyword)!.Value, tokens, endOfLine, guessed: false);
                    return;
                case "include":
                    _line.Parse(Diagnose.IncludeOutsideBlock(first.Span));
                    AddStatement(null, tokens);
                    return;
            }
            if (tokens.Length > 1 && tokens[^1].Kind == TokenKind.LeftBrace && first.Kind == TokenKind.Word)
            {
                // "cycel A length 21 days {": a container with a misspelt keyword. Keep it as the closest kind,
                // so its body is read as a body and not as a cascade of misplaced lines.
                _line.Parse(Diagnose.Expected(first.Span, ["a statement (regimen, input, block, cycle, phase, limit, plan, or 'key: value' metadata)"], first.ToString()));
                Open(GuessKind(first.Text, tokens), tokens, endOfLine, guessed: true);
                return;
            }
            bool bodyLine = tokens.Length > 1 && (tokens[1].Kind == TokenKind.Number || tokens[1].IsWord("AUC") || tokens[1].IsWord("ramp"));
            if (strayBefore)
            {
                _strayBody = true; // reported with the first stray line
            }
            else if (bodyLine)
            {
                _line.Parse(Diagnose.AdministrationOutsideBlock(first.Span));
                _strayBody = true;
            }
            else
            {
                _line.Parse(Diagnose.Expected(first.Span, ["a statement (regimen, input, block, cycle, phase, limit, plan, or 'key: value' metadata)"], first.ToString()));
                _strayBody = true;
            }
            AddStatement(null, tokens);
        }

        private static ContainerKind GuessKind(string word, ReadOnlySpan<Token> tokens)
        {
            foreach (var kind in (ContainerKind[])[ContainerKind.Cycle, ContainerKind.Block, ContainerKind.Plan, ContainerKind.Phase])
            {
                if (EditDistance.Between(word.ToLowerInvariant(), Name(kind)) <= 2)
                {
                    return kind;
                }
            }
            // No keyword is close: a name and a length read as a cycle, a bare '{' as a plan.
            return tokens.Length == 2 ? ContainerKind.Plan : ContainerKind.Cycle;
        }

        private void ParsePlanLine(ReadOnlySpan<Token> tokens, SourceSpan endOfLine)
        {
            var phase = Run(Grammar.Phase, tokens, endOfLine);
            if (phase is not null)
            {
                _line.Validation(StatementValidator.Sequence(phase.Sequence));
                if (!_line.HasErrors && Nesting.Depth(phase) is var depth && depth > MaxNesting)
                {
                    _line.Parse(Diagnose.NestingTooDeep(phase.Sequence.Span with { Length = 0 }, depth, MaxNesting));
                }
            }
            if (phase is not null && !_line.HasErrors)
            {
                _open!.Lines.Add(phase);
            }
            else
            {
                _open!.Lines.Add(new ErrorPlanLine(Skipped(tokens), tokens[0].Span.Through(tokens[^1].Span)));
            }
        }

        private void ParseBodyLine(ReadOnlySpan<Token> tokens, SourceSpan endOfLine)
        {
            if (tokens[0].IsWord("include"))
            {
                if (Run(Grammar.IncludeLine, tokens, endOfLine) is { } include)
                {
                    _open!.Body.Add(include);
                }
                else
                {
                    AddErrorLine(Skipped(tokens));
                }
                return;
            }
            if (tokens[0].IsWord("order") && tokens.Length > 1 && tokens[1].Kind == TokenKind.String)
            {
                ParseOrder(tokens, endOfLine);
                return;
            }
            if (tokens[0].Kind == TokenKind.LeftBrace)
            {
                _line.Parse(Diagnose.NestedBlock(tokens[0].Span));
                AddErrorLine(Skipped(tokens));
                return;
            }
            var administration = AdministrationParser.Parse(tokens, endOfLine, _line);
            if (administration is null)
            {
                AddErrorLine(Skipped(tokens));
                return;
            }
            if (_line.HasErrors && !administration.HasErrors)
            {
                administration = administration with { HasErrors = true }; // a lexer error on the line
            }
            if (Nesting.Depth(administration) is var depth && depth > MaxNesting)
            {
                // The condition is kept out of the tree as skipped tokens (every later stage may then walk the
                // tree freely, and the names it mentions still count as used); the rest of the line stays.
                var when = administration.When!;
                _line.Parse(Diagnose.NestingTooDeep(when.Span with { Length = 0 }, depth, MaxNesting));
                var skipped = administration.Skipped.Tokens.AddRange(tokens.ToArray().Where(t => when.Span.Start <= t.Span.Start && t.Span.End <= when.Span.End))
                    .Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                administration = administration with
                {
                    Modifiers = administration.Modifiers.Remove(when),
                    Skipped = new SkippedTokens(skipped, skipped[0].Span.Through(skipped[^1].Span)),
                    HasErrors = true,
                };
            }
            _open!.Body.Add(administration);
        }

        /// <summary>An order line; one that does not parse, or whose condition is nested too deep, stays as an error line.</summary>
        private void ParseOrder(ReadOnlySpan<Token> tokens, SourceSpan endOfLine)
        {
            var order = OrderParser.Parse(tokens, endOfLine, _line);
            if (order is null)
            {
                AddErrorLine(Skipped(tokens));
                return;
            }
            if (Nesting.Depth(order) is var depth && depth > MaxNesting)
            {
                _line.Parse(Diagnose.NestingTooDeep((order.When?.Span ?? order.Span) with { Length = 0 }, depth, MaxNesting));
                AddErrorLine(Skipped(tokens));
                return;
            }
            _open!.Body.Add(_line.HasErrors && !order.HasErrors ? order with { HasErrors = true } : order);
        }

        /// <summary>
        /// Opens a block, cycle or plan. When its opening line has an error the container is opened all the
        /// same, with what can be read of it, so that its body is parsed as a body; when only the final '{'
        /// is missing, the line is otherwise complete and a lone '{' on the next line is taken as the brace.
        /// </summary>
        private void Open(ContainerKind kind, ReadOnlySpan<Token> tokens, SourceSpan endOfLine, bool guessed)
        {
            var openSpan = tokens[0].Span;
            bool hasBrace = tokens[^1].Kind == TokenKind.LeftBrace;
            object? header = guessed ? null : kind switch
            {
                ContainerKind.Block => Run(Grammar.BlockHeader, tokens, endOfLine),
                ContainerKind.Phase => Run(Grammar.PhaseBlockHeader, tokens, endOfLine),
                ContainerKind.Cycle => Run(Grammar.CycleHeader, tokens, endOfLine),
                _ => Run(Grammar.PlanHeader, tokens, endOfLine),
            };
            bool onlyBraceMissing = false;
            if (header is null && !hasBrace && !guessed)
            {
                // Was the brace the only problem? Read the line again with the brace it lacks.
                Token[] completed = [.. tokens, new Token(TokenKind.LeftBrace, "{", endOfLine.Start, 0, endOfLine.Line, endOfLine.Column)];
                header = kind switch
                {
                    ContainerKind.Block => Grammar.BlockHeader.Parse(completed) is { Success: true } b ? b.Value : null,
                    ContainerKind.Phase => Grammar.PhaseBlockHeader.Parse(completed) is { Success: true } ph ? ph.Value : null,
                    ContainerKind.Cycle => Grammar.CycleHeader.Parse(completed) is { Success: true } c ? c.Value : null,
                    _ => Grammar.PlanHeader.Parse(completed) is { Success: true } p ? p.Value : null,
                };
                onlyBraceMissing = header is not null;
            }
            if (header is CycleHeader cycle)
            {
                _line.Validation(StatementValidator.Count(cycle.Length, NumberRole.CycleLength));
            }
            bool headerOk = header is not null && (onlyBraceMissing || !_line.HasErrors);
            var skipped = headerOk ? SkippedTokens.Empty : Skipped(tokens);
            var name = header switch
            {
                Identifier id when kind is ContainerKind.Block or ContainerKind.Phase => id,
                CycleHeader c => c.Name,
                _ when kind != ContainerKind.Plan && tokens.Length > 1 && tokens[1].Kind == TokenKind.Word => new Identifier(tokens[1].Text, tokens[1].Span),
                _ => null,
            };
            var title = header is CycleHeader h ? h.Title
                : kind == ContainerKind.Cycle && tokens.Length > 2 && tokens[2].Kind == TokenKind.String ? new StringLiteral(tokens[2].Text, tokens[2].Span)
                : null;
            _open = new OpenContainer(kind, openSpan, kind == ContainerKind.Plan ? "plan" : name?.Text ?? "")
            {
                Identifier = name,
                Title = title,
                Length = header is CycleHeader withLength ? withLength.Length : null,
                LengthUnit = header is CycleHeader withUnit ? withUnit.Unit : LengthUnit.Days,
                HeaderSkipped = skipped,
                Implicit = !hasBrace || _line.HasErrors,
            };
            _braceMayFollow = !hasBrace;
        }

        private void Close(SourceSpan? closeBrace)
        {
            var open = _open!;
            _open = null;
            var span = closeBrace is { } brace ? open.OpenSpan.Through(brace) : open.OpenSpan;
            Statements.Add(open.Kind switch
            {
                ContainerKind.Block => new BlockStatement(open.Identifier, [.. open.Body], open.HeaderSkipped, span),
                ContainerKind.Phase => new PhaseBlockStatement(open.Identifier, [.. open.Body], open.HeaderSkipped, span) { IsClosed = closeBrace is not null },
                ContainerKind.Cycle => new CycleStatement(open.Identifier, open.Title, open.Length, open.LengthUnit, [.. open.Body], open.HeaderSkipped, span),
                _ => new PlanStatement([.. open.Lines], open.HeaderSkipped, span),
            });
        }

        public void CloseAtEndOfFile()
        {
            if (_open is not null)
            {
                if (!_open.Implicit)
                {
                    Diagnostics.Add(Diagnose.UnclosedBlock(_open.OpenSpan, Name(_open.Kind), _open.Name));
                }
                Close(null);
            }
        }

        private void AddStatement(Statement? statement, ReadOnlySpan<Token> tokens) =>
            Statements.Add(statement ?? new ErrorStatement(Skipped(tokens), tokens[0].Span.Through(tokens[^1].Span)));

        /// <summary>A line that could not be read, where it stands: at the top level, in a plan or in a block or cycle.</summary>
        private void AddErrorLine(SkippedTokens skipped)
        {
            switch (_open?.Kind)
            {
                case null:
                    Statements.Add(new ErrorStatement(skipped, skipped.Span));
                    break;
                case ContainerKind.Plan:
                    _open.Lines.Add(new ErrorPlanLine(skipped, skipped.Span));
                    break;
                default:
                    _open.Body.Add(new ErrorBodyLine(skipped, skipped.Span));
                    break;
            }
        }

        private static SkippedTokens Skipped(ReadOnlySpan<Token> tokens) =>
            new([.. tokens], tokens[0].Span.Through(tokens[^1].Span));

        private T? Run<T>(Parser<Token, T> parser, ReadOnlySpan<Token> tokens, SourceSpan endOfLine, string? whatElse = null) where T : class
        {
            var result = parser.Parse(tokens);
            if (result.Success)
            {
                return result.Value;
            }
            _line.Parse(SyntaxErrors.Describe(result.Error!, tokens, endOfLine, whatElse));
            return null;
        }

        private static int? LoneSurrogate(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return i;
                }
            }
            return null;
        }

        private static int MaxParenthesisDepth(ReadOnlySpan<Token> tokens, out Token deepest)
        {
            int depth = 0, max = 0;
            deepest = tokens[0];
            foreach (var t in tokens)
            {
                if (t.Kind == TokenKind.LeftParen && ++depth > max)
                {
                    max = depth;
                    deepest = t;
                }
                else if (t.Kind == TokenKind.RightParen)
                {
                    depth--;
                }
            }
            return max;
        }
    }
}
