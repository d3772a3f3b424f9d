using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace RegimenLang.Output;

/// <summary>
/// A unified diff (as <c>diff -u</c> prints) of two texts, line by line, with three lines of
/// context. Used by <c>snapshot</c>, <c>fmt --diff</c> and the golden-file tests.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>
    /// Splits at '\n' only, as <see cref="SplitLines"/> does, so the differ numbers lines as the hunks print them
    /// (DiffPlex's LineChunker also breaks at a lone '\r', which put its indices past the ends of the arrays).
    /// Each line is terminated, so that no line and one empty line stay apart.
    /// </summary>
    private static readonly CustomFunctionChunker NewlineChunker = new(text => text.Split('\n')[..^1]);

    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    public static string Create(string expected, string actual, string expectedName, string actualName)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return "";
        }
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var diff = Differ.Instance.CreateDiffs(Terminated(a), Terminated(b), ignoreWhiteSpace: false, ignoreCase: false, NewlineChunker);

        var output = new StringBuilder();
        output.Append("--- ").Append(expectedName).Append('\n');
        output.Append("+++ ").Append(actualName).Append('\n');

        // Group change blocks whose context windows touch into one hunk.
        var blocks = diff.DiffBlocks;
        int i = 0;
        while (i < blocks.Count)
        {
            int j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context)
            {
                j++;
            }
            AppendHunk(output, a, b, blocks, i, j);
            i = j + 1;
        }
        if (blocks.Count == 0)
        {
            // Same lines: only the final newline (or line endings) differ.
            output.Append("\\ the texts differ only in line endings or the final newline\n");
        }
        return output.ToString();
    }

    private static void AppendHunk(StringBuilder output, string[] a, string[] b, IList<DiffBlock> blocks, int first, int last)
    {
        int startA = Math.Max(0, blocks[first].DeleteStartA - Context);
        int startB = Math.Max(0, blocks[first].InsertStartB - Context);
        int endA = Math.Min(a.Length, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
        int endB = Math.Min(b.Length, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
        output.Append($"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");

        int lineA = startA;
        for (int k = first; k <= last; k++)
        {
            var block = blocks[k];
            for (; lineA < block.DeleteStartA; lineA++)
            {
                output.Append(' ').Append(a[lineA]).Append('\n');
            }
            for (int d = 0; d < block.DeleteCountA; d++)
            {
                output.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
            }
            for (int n = 0; n < block.InsertCountB; n++)
            {
                output.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
            }
            lineA = block.DeleteStartA + block.DeleteCountA;
        }
        for (; lineA < endA; lineA++)
        {
            output.Append(' ').Append(a[lineA]).Append('\n');
        }
    }

    private static string Terminated(string[] lines) => string.Concat(lines.Select(line => line + "\n"));

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
