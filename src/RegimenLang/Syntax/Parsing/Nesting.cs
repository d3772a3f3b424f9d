using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// How deeply a line nests: every <c>not</c>, <c>and</c>, <c>or</c>, parenthesis, <c>then</c> and <c>x N</c>
/// counts one level. Measured without recursion; the parser refuses a line deeper than
/// <see cref="RegimenParser.MaxNesting"/>, so every later stage may recurse over the tree safely.
/// </summary>
public static class Nesting
{
    public static int Depth(SyntaxNode root)
    {
        int max = 0;
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            int here = depth + (Nests(node) ? 1 : 0);
            max = Math.Max(max, here);
            foreach (var child in node.Children())
            {
                pending.Push((child, here));
            }
        }
        return max;
    }

    private static bool Nests(SyntaxNode node) =>
        node is NotCondition or AndCondition or OrCondition or ParenthesizedCondition
            or ThenSequence or RepeatSequence or ParenthesizedSequence or BranchSequence or OpenRepeatSequence;
}
