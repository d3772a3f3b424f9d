using System.Reflection;
using System.Text.RegularExpressions;
using Pidgin;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Syntax;

/// <summary>
/// Keeps grammar/regimen.ebnf and the parser in step: every production of the EBNF is a Pidgin parser
/// field of Grammar (or a named part of the line driver or lexer), and every Pidgin parser field of
/// Grammar is a production of the EBNF.
/// </summary>
public sealed partial class GrammarFileTests
{
    /// <summary>Productions implemented outside Grammar.cs, with the code that implements them.</summary>
    private static readonly Dictionary<string, string> DriverProductions = new()
    {
        ["File"] = "RegimenParser.Parse",
        ["Line"] = "RegimenParser.ParseLine",
        ["TopStatement"] = "RegimenParser.ParseTopLevel",
        ["BodyLine"] = "RegimenParser.ParseBodyLine",
        ["Metadata"] = "MetadataLine.TryParse",
        ["MassUnit"] = "Grammar.MassWords",
        ["EveryHours"] = "Grammar.EveryHoursText",
        ["AndCondition"] = "Grammar.AndCondition",
        ["NotCondition"] = "Grammar.NotCondition",
        ["ConditionPrimary"] = "Grammar.ConditionPrimary",
        ["FactOrComparison"] = "Grammar.FactOrComparison",
        ["ComparisonOperator"] = "Grammar.ComparisonOperator",
        ["ConditionUnit"] = "Grammar.ConditionUnit",
        ["RepeatSequence"] = "Grammar.RepeatSequence",
        ["SequencePrimary"] = "Grammar.SequencePrimary",
        ["Word"] = "Lexer.LexLine",
        ["Digits"] = "Lexer.LexLine",
        ["Comment"] = "Lexer.LexLine",
        ["RawText"] = "MetadataLine.TryParse",
    };

    private static IReadOnlyList<string> Productions()
    {
        string text = File.ReadAllText(RepoPaths.Combine("grammar", "regimen.ebnf"));
        string withoutComments = CommentPattern().Replace(text, "");
        return [.. ProductionPattern().Matches(withoutComments).Select(m => m.Groups[1].Value)];
    }

    private static Dictionary<string, FieldInfo> GrammarParsers() =>
        typeof(Grammar).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(Parser<,>))
            .ToDictionary(f => f.Name);

    [Fact]
    public void Every_production_exists_in_the_parser()
    {
        var parsers = GrammarParsers();
        Assert.True(Productions().Count > 40, "the EBNF was not read");
        Assert.True(parsers.Count > 30, "the Grammar parsers were not found");
        var missing = Productions().Where(p => !parsers.ContainsKey(p) && !DriverProductions.ContainsKey(p)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_driver_production_names_code_that_exists()
    {
        var assembly = typeof(Grammar).Assembly;
        foreach (var (production, target) in DriverProductions)
        {
            var (typeName, member) = (target.Split('.')[0], target.Split('.')[1]);
            var type = assembly.GetTypes().Single(t => t.Name == typeName);
            var members = type.GetMember(member, BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            var nested = type.GetNestedTypes(BindingFlags.NonPublic).SelectMany(n => n.GetMember(member, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic));
            Assert.True(members.Length + nested.Count() > 0, $"{production}: {target} does not exist");
        }
    }

    [Fact]
    public void Every_parser_of_the_grammar_is_a_production()
    {
        var productions = Productions().ToHashSet();
        // Helpers that are not productions of their own: punctuation tokens, the end of a line, aliases of
        // productions (OrCondition is Condition, ThenSequence is Sequence, BranchBody is BranchOrSequence, FrequencyClause is Frequency, TimingClause is Timing) and
        // the parser that ends a clause list (NoClause) and the failure of a unit written out of order (BadUnitOrder).
        string[] tokens = ["Colon", "Comma", "Slash", "Dash", "LeftParen", "RightParen", "LeftBrace", "RightBrace", "EndOfLine", "OrCondition", "ThenSequence", "BranchBody",
            "FrequencyClause", "TimingClause", "NoClause", "BadUnitOrder", "OrderTimingClause", "NoOrderClause"];
        var missing = GrammarParsers().Keys.Where(name => !productions.Contains(name) && !tokens.Contains(name)).Order().ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\(\*.*?\*\)", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)\s*=", RegexOptions.Multiline)]
    private static partial Regex ProductionPattern();
}
