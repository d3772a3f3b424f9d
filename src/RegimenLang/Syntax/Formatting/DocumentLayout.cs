using System.Text;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Text;

namespace RegimenLang.Syntax.Formatting;

/// <summary>
/// Lays out a parsed document line by line: statements in their order, two-space indentation inside
/// blocks, cycles and the plan, comments where they were, and blank lines by these rules:
/// <list type="bullet">
/// <item>exactly one blank line between top-level groups: each block, cycle and plan is a group of
/// its own; consecutive header and metadata lines, inputs and limits each form one group;</item>
/// <item>inside a group (and inside a block) a run of blank lines the author wrote is kept as one
/// blank line, as gofmt does, so paragraphs survive;</item>
/// <item>no blank line at the start or end of the file or right after <c>{</c> or before <c>}</c>.</item>
/// </list>
/// An own-line comment goes on its own line at the indentation of the statement that follows it
/// (inside a block before <c>}</c>: the block's indentation); a trailing comment follows its
/// statement after one space, or goes on its own line above it when beside it the line would be
/// too long to read back.
/// </summary>
internal sealed class DocumentLayout
{
    private const string Indent = "  ";

    private readonly SourceText _source;
    private readonly List<Comment> _ownLine;
    private readonly Dictionary<int, Comment> _trailing = [];
    private readonly StringBuilder _out = new();
    private int _nextComment;
    private int _previousLine;
    private bool _atStart = true;

    private DocumentLayout(SourceText source, IEnumerable<Comment> comments)
    {
        _source = source;
        var sorted = comments.OrderBy(c => c.Span.Start).ToList();
        _ownLine = [.. sorted.Where(c => c.OwnLine)];
        foreach (var c in sorted.Where(c => !c.OwnLine))
        {
            if (!_trailing.TryAdd(c.Span.Line, c))
            {
                // Cannot happen (one comment per line); keep it rather than lose it.
                _ownLine.Add(c);
            }
        }
        _ownLine.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    public static string Write(RegimenDocument document, SourceText source)
    {
        var layout = new DocumentLayout(source, document.Comments);
        layout.Document(document);
        return layout._out.ToString();
    }

    private void Document(RegimenDocument document)
    {
        Statement? previous = null;
        foreach (var statement in document.Statements)
        {
            bool separate = previous is not null && NeedsSeparation(previous, statement);
            int line = statement.Span.Line;
            separate = LeadingComments(line, 0, separate);
            Emit(0, SyntaxPrinter.Print(statement), line, separate);

            if (statement.ContainedLines is { } lines)
            {
                Body(lines, statement.Span);
            }
            previous = statement;
        }

        // Comments after the last statement, and any trailing comment whose line printed nothing.
        LeadingComments(int.MaxValue, 0, separate: false);
        foreach (var orphan in _trailing.Values.OrderBy(c => c.Span.Start))
        {
            Emit(0, orphan.Text, orphan.Span.Line, separate: false, withTrailing: false);
        }
    }

    private void Body(IEnumerable<SyntaxNode> lines, SourceSpan containerSpan)
    {
        _atStart = true;
        foreach (var node in lines)
        {
            int line = node.Span.Line;
            bool separate = LeadingComments(line, 1, separate: false);
            Emit(1, SyntaxPrinter.Print(node), line, separate);
        }
        int closeLine = _source.Position(Math.Max(containerSpan.Start, containerSpan.End - 1)).Line;
        LeadingComments(closeLine, 1, separate: false);
        _atStart = true; // no blank line before '}'
        Emit(0, "}", closeLine, separate: false, aboveDepth: 1);
        _atStart = false;
    }

    /// <summary>
    /// Emits the own-line comments written before <paramref name="line"/>. A forced separation goes
    /// before the first of them; returns whether it is still owed by the statement itself.
    /// </summary>
    private bool LeadingComments(int line, int depth, bool separate)
    {
        while (_nextComment < _ownLine.Count && _ownLine[_nextComment].Span.Line < line)
        {
            var c = _ownLine[_nextComment++];
            Emit(depth, c.Text, c.Span.Line, separate, withTrailing: false);
            separate = false;
        }
        return separate;
    }

    /// <param name="aboveDepth">The indentation of a trailing comment moved above the line: a comment before '}' stands at the block's.</param>
    private void Emit(int depth, string text, int sourceLine, bool separate, bool withTrailing = true, int? aboveDepth = null)
    {
        bool blank = !_atStart && (separate || sourceLine - _previousLine > 1);
        if (blank)
        {
            _out.Append('\n');
        }
        if (withTrailing && _trailing.Remove(sourceLine, out var comment))
        {
            if (depth * Indent.Length + text.Length + 1 + comment.Source.Length > Parsing.RegimenParser.MaxLineLength
                && SuppressionDirective.Read(comment.Text) is null)
            {
                // Beside the statement the comment would make the line too long to read back: it goes above it. Not a
                // suppression directive, which would start to act there: that line is refused as too long instead.
                AppendLine(aboveDepth ?? depth, comment.Text);
            }
            else
            {
                text = text + " " + comment.Text;
            }
        }
        AppendLine(depth, text);
        _previousLine = sourceLine;
        _atStart = false;
    }

    private void AppendLine(int depth, string text)
    {
        for (int i = 0; i < depth; i++)
        {
            _out.Append(Indent);
        }
        _out.Append(text).Append('\n');
    }

    private static bool NeedsSeparation(Statement previous, Statement current) =>
        IsContainer(previous) || IsContainer(current) || Group(previous) != Group(current);

    private static bool IsContainer(Statement s) => s.ContainedLines is not null;

    private static int Group(Statement s) => s switch
    {
        HeaderStatement or MetadataStatement => 0,
        InputStatement => 1,
        LimitStatement or LevelsStatement => 2,
        _ => 3,
    };
}
