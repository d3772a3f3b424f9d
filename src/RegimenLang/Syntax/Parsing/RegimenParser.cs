using System.Collections.Immutable;
using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Parses a regimen file. A newline ends every statement, so the file is read line by line: each
/// line is lexed and handed to the Pidgin parser of the statement it starts; <c>{</c> and <c>}</c>
/// open and close the one level of blocks the language has. A line that fails is reported and
/// skipped, so one run reports every error. Parsing never throws on any input.
/// </summary>
public static class RegimenParser
{
    public const int MaxLineLength = 10_000;
    public const int MaxNesting = 64;

    private static readonly HashSet<string> TopLevelKeywords =
        new(["regimen", "input", "block", "cycle", "limit", "plan"], StringComparer.OrdinalIgnoreCase);

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

    /// <summary>A block, cycle or plan whose closing brace has not been seen yet.</summary>
    private sealed class OpenContainer(string kind, string name, SourceSpan openSpan, object? header)
    {
        public string Kind { get; } = kind;
        public string Name { get; } = name;
        public SourceSpan OpenSpan { get; } = openSpan;
        /// <summary>The parsed opening line, or null when it had errors (the body is still parsed for its own errors).</summary>
        public object? Header { get; } = header;
        public List<BodyLine> Body { get; } = [];
        public List<PhaseSyntax> Phases { get; } = [];
    }

    private sealed class ParseState(SourceText source)
    {
        public DiagnosticBag Diagnostics { get; } = new(source.Path);
        public List<Statement> Statements { get; } = [];
        public List<Comment> Comments { get; } = [];
        private OpenContainer? _open;

        public void ParseLine(int start, int end, int line)
        {
            string text = source.Text;
            if (end - start > MaxLineLength)
            {
                Diagnostics.Add(DiagnosticCatalog.LineTooLong, new SourceSpan(start, 0, line, 1), end - start, MaxLineLength);
                return;
            }

            if (_open is null && MetadataLine.TryParse(text, start, end, line, Diagnostics, out var metadata, out var metadataComment))
            {
                if (metadataComment is not null)
                {
                    Comments.Add(metadataComment);
                }
                Statements.Add(metadata!);
                return;
            }

            var lexed = Lexer.LexLine(text, start, end, line, Diagnostics);
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

            if (_open is not null && tokens[0].Kind == TokenKind.RightBrace)
            {
                if (tokens.Length > 1)
                {
                    Diagnostics.Add(DiagnosticCatalog.UnexpectedToken, tokens[1].Span, $"expected the end of the line after '}}', found {tokens[1]}");
                }
                Close(tokens[0].Span);
                return;
            }

            if (_open is not null && tokens[0].Kind == TokenKind.Word && TopLevelKeywords.Contains(tokens[0].Text))
            {
                // A top-level statement inside a block almost always means a forgotten '}'.
                Diagnostics.Add(DiagnosticCatalog.UnclosedBlock, _open.OpenSpan, _open.Kind, _open.Name);
                Close(null);
            }

            if (lexed.HasErrors)
            {
                OpenIfHeader(tokens, header: null);
                return;
            }
            int depth = MaxParenthesisDepth(tokens, out var deepest);
            if (depth > MaxNesting)
            {
                Diagnostics.Add(DiagnosticCatalog.NestingTooDeep, deepest.Span, depth, MaxNesting);
                return;
            }

            if (_open is null)
            {
                ParseTopLevel(tokens, endOfLine);
            }
            else if (_open.Kind == "plan")
            {
                if (Run(Grammar.Phase, tokens, endOfLine) is { } phase)
                {
                    StatementValidator.CheckSequence(phase.Sequence, Diagnostics);
                    _open.Phases.Add(phase);
                }
            }
            else
            {
                ParseBodyLine(tokens, endOfLine);
            }
        }

        private void ParseTopLevel(ReadOnlySpan<Token> tokens, SourceSpan endOfLine)
        {
            var first = tokens[0];
            if (first.Kind == TokenKind.RightBrace)
            {
                Diagnostics.Add(DiagnosticCatalog.UnexpectedCloseBrace, first.Span);
                return;
            }
            string keyword = first.Kind == TokenKind.Word ? first.Text.ToLowerInvariant() : "";
            switch (keyword)
            {
                case "regimen":
                    Add(Run(Grammar.Header, tokens, endOfLine));
                    break;
                case "input":
                    Add(Run(Grammar.Input, tokens, endOfLine));
                    break;
                case "limit":
                    if (Run(Grammar.Limit, tokens, endOfLine) is { } limit)
                    {
                        StatementValidator.CheckPositive(limit.Amount.Amount, "a limit", Diagnostics);
                        Statements.Add(limit);
                    }
                    break;
                case "block":
                    OpenIfHeader(tokens, Run(Grammar.BlockHeader, tokens, endOfLine));
                    break;
                case "cycle":
                    var cycle = Run(Grammar.CycleHeader, tokens, endOfLine);
                    if (cycle is not null)
                    {
                        StatementValidator.CheckCount(cycle.Length, "a cycle length", Diagnostics);
                    }
                    OpenIfHeader(tokens, cycle);
                    break;
                case "plan":
                    OpenIfHeader(tokens, Run(Grammar.PlanHeader, tokens, endOfLine));
                    break;
                case "include":
                    Diagnostics.Add(DiagnosticCatalog.StatementNotAllowedHere, first.Span, "'include' belongs inside a cycle or block");
                    break;
                default:
                    if (tokens.Length > 1 && (tokens[1].Kind == TokenKind.Number || tokens[1].IsWord("AUC")))
                    {
                        Diagnostics.Add(DiagnosticCatalog.StatementNotAllowedHere, first.Span,
                            "an administration line belongs inside a cycle or block");
                    }
                    else
                    {
                        Diagnostics.Add(DiagnosticCatalog.UnexpectedToken, first.Span,
                            $"expected a statement (regimen, input, block, cycle, limit, plan, or 'key: value' metadata), found {first}");
                    }
                    break;
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
                return;
            }
            if (tokens[0].Kind == TokenKind.LeftBrace)
            {
                Diagnostics.Add(DiagnosticCatalog.StatementNotAllowedHere, tokens[0].Span, "blocks do not nest: close the open one with '}' first");
                return;
            }
            if (Run(Grammar.AdministrationLine, tokens, endOfLine, Grammar.ClauseLabel) is { } parts
                && AdministrationBuilder.Build(parts, endOfLine, Diagnostics) is { } administration)
            {
                _open!.Body.Add(administration);
            }
        }

        private void OpenIfHeader(ReadOnlySpan<Token> tokens, object? header)
        {
            if (_open is not null || tokens[^1].Kind != TokenKind.LeftBrace || tokens[0].Kind != TokenKind.Word)
            {
                return;
            }
            string kind = tokens[0].Text.ToLowerInvariant();
            if (kind is not ("block" or "cycle" or "plan"))
            {
                return;
            }
            string name = kind == "plan" ? "plan" : tokens.Length > 1 ? tokens[1].Text : "";
            _open = new OpenContainer(kind, name, tokens[0].Span, header);
        }

        private void Close(SourceSpan? closeBrace)
        {
            var open = _open!;
            _open = null;
            var span = closeBrace is { } brace ? open.OpenSpan.Through(brace) : open.OpenSpan;
            switch (open.Kind, open.Header)
            {
                case ("block", Identifier blockName):
                    Statements.Add(new BlockStatement(blockName, [.. open.Body], span));
                    break;
                case ("cycle", CycleHeader cycle):
                    Statements.Add(new CycleStatement(cycle.Name, cycle.Title, cycle.Length, cycle.Unit, [.. open.Body], span));
                    break;
                case ("plan", Identifier):
                    Statements.Add(new PlanStatement([.. open.Phases], span));
                    break;
            }
        }

        public void CloseAtEndOfFile()
        {
            if (_open is not null)
            {
                Diagnostics.Add(DiagnosticCatalog.UnclosedBlock, _open.OpenSpan, _open.Kind, _open.Name);
                Close(null);
            }
        }

        private void Add(Statement? statement)
        {
            if (statement is not null)
            {
                Statements.Add(statement);
            }
        }

        private T? Run<T>(Parser<Token, T> parser, ReadOnlySpan<Token> tokens, SourceSpan endOfLine, string? whatElse = null) where T : class
        {
            var result = parser.Parse(tokens);
            if (result.Success)
            {
                return result.Value;
            }
            SyntaxErrors.Report(result.Error!, tokens, endOfLine, Diagnostics, whatElse);
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
