using RegimenLang.Output;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Parsing;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Formatting;

/// <summary>
/// Properties of the formatter, on every shipped regimen and on generated ones (fixed seeds):
/// formatting is idempotent, and parse(fmt(x)) equals parse(x) ignoring positions (with the clause
/// order and keyword case the formatter canonicalises, see <see cref="FormatEquivalence"/>); once
/// formatted, the position-free trees are equal outright.
/// </summary>
public sealed class FormatterPropertyTests
{
    public static TheoryData<string> Regimens()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoPaths.RegimenFiles)
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 42, 2026];

    private const int PerSeed = 100;

    [Theory]
    [MemberData(nameof(Regimens))]
    public void Shipped_regimens_keep_their_meaning_and_are_already_canonical(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Regimens, name));
        string formatted = AssertProperties(name, text);
        Assert.Equal(text, formatted);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_regimens_keep_their_meaning_and_formatting_is_idempotent(int seed)
    {
        var generator = new RegimenGenerator(seed);
        for (int i = 0; i < PerSeed; i++)
        {
            string text = generator.Next();
            AssertProperties($"gen-{seed}-{i}.regimen", text);
        }
    }

    [Fact]
    public void Damaged_regimens_are_refused_or_formatted_safely_and_never_throw()
    {
        var random = new Random(12345);
        const string Noise = " \t\n#\"{}(),:-/%<>=.0123456789abcXYZ";
        int formatted = 0, refused = 0;
        foreach (var file in RepoPaths.RegimenFiles)
        {
            string text = File.ReadAllText(file);
            for (int i = 0; i < 100; i++)
            {
                var damaged = new System.Text.StringBuilder(text);
                for (int k = random.Next(1, 4); k > 0 && damaged.Length > 0; k--)
                {
                    int at = random.Next(damaged.Length);
                    if (random.Next(2) == 0)
                    {
                        damaged.Remove(at, Math.Min(random.Next(1, 6), damaged.Length - at));
                    }
                    else
                    {
                        damaged.Insert(at, Noise[random.Next(Noise.Length)]);
                    }
                }
                var result = RegimenFormatter.Format("damaged.regimen", damaged.ToString());
                Assert.NotEqual(FormatStatus.InternalError, result.Status);
                if (result.Succeeded)
                {
                    formatted++;
                    Assert.Equal(result.Text, RegimenFormatter.Format("damaged.regimen", result.Text!).Text);
                }
                else
                {
                    refused++;
                    Assert.NotEmpty(result.Diagnostics);
                }
            }
        }
        Assert.True(formatted > 0 && refused > 0, $"{formatted} formatted, {refused} refused");
    }

    [Fact]
    public void The_generator_is_deterministic_and_messy()
    {
        string a = new RegimenGenerator(7).Next();
        Assert.Equal(a, new RegimenGenerator(7).Next());
        var generator = new RegimenGenerator(7);
        string all = string.Concat(Enumerable.Range(0, 50).Select(_ => generator.Next()));
        Assert.Contains('\t', all);
        Assert.Contains("#", all, StringComparison.Ordinal);
        Assert.Contains("\n\n", all, StringComparison.Ordinal);
        // The timing constructs are generated too, so the properties cover them.
        string lower = all.ToLowerInvariant();
        foreach (var construct in new[] { " before ", " after ", " at ", " as ", "ramp ", "phase induction", "divided ", "every ", "weekly", "throughout", " to -", "day 0", " days" })
        {
            Assert.Contains(construct, lower, StringComparison.Ordinal);
        }
    }

    private static string AssertProperties(string name, string text)
    {
        var original = RegimenParser.Parse(name, text);
        Assert.False(original.HasErrors, $"the input does not parse:\n{string.Join("\n", original.Diagnostics)}\n{text}");

        var first = RegimenFormatter.Format(name, text);
        Assert.True(first.Succeeded, $"{first.Status}: {first.InternalError}\n{text}");
        string formatted = first.Text!;

        var reparsed = RegimenParser.Parse(name, formatted);
        Assert.False(reparsed.HasErrors, formatted);
        Assert.True(SyntaxEquivalence.Equivalent(original.Document, reparsed.Document), formatted);

        var second = RegimenFormatter.Format(name, formatted);
        Assert.True(second.Succeeded);
        Assert.Equal(formatted, second.Text);
        Assert.True(SyntaxEquivalence.Equivalent(reparsed.Document, RegimenParser.Parse(name, second.Text!).Document));

        Assert.True(formatted.Length == 0 || (formatted.EndsWith('\n') && !formatted.EndsWith("\n\n", StringComparison.Ordinal)), "one final newline");
        foreach (var line in formatted.Split('\n'))
        {
            Assert.Equal(line.TrimEnd(), line);
            Assert.DoesNotContain('\r', line);
        }
        return formatted;
    }
}
