using Pidgin;
using RegimenLang.Diagnostics;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Parses quantities written outside regimen files (formulary and patient YAML, command-line flags)
/// with the same lexer and grammar as regimen files, so "28 mcg/day" means one thing everywhere.
/// </summary>
public static class QuantityText
{
    private static readonly Parser<Token, AmountDose> DoseOnly = Grammar.AmountDose.Before(Parser<Token>.End);
    private static readonly Parser<Token, AucDose> AucOnly = Grammar.AucDose.Before(Parser<Token>.End);
    private static readonly Parser<Token, ConditionValue> ValueOnly = Grammar.ConditionValue.Before(Parser<Token>.End);

    /// <summary>A dose such as "2 mg", "1.8 mg/m2" or "28 mcg/day".</summary>
    public static bool TryParseDose(string text, out AmountDose? dose, out string error)
    {
        dose = null;
        if (!TryLex(text, out var tokens, out error))
        {
            return false;
        }
        var result = DoseOnly.Parse(tokens);
        if (!result.Success || result.Value.Amount.Value <= 0 || result.Value.Amount.Value > StatementValidator.MaxAmount)
        {
            error = $"'{text}' is not a dose such as 2 mg, 375 mg/m2 or 28 mcg/day (more than 0, at most {StatementValidator.MaxAmount:N0})";
            return false;
        }
        dose = result.Value;
        return true;
    }

    /// <summary>A dose such as "2 mg" or a Calvert target such as "AUC 5" (from more than 0 to at most 20).</summary>
    public static bool TryParseDoseOrAuc(string text, out DoseSyntax? dose, out string error)
    {
        if (TryParseDose(text, out var amount, out error))
        {
            dose = amount;
            return true;
        }
        dose = null;
        if (!TryLex(text, out var tokens, out _))
        {
            return false;
        }
        var result = AucOnly.Parse(tokens);
        if (!result.Success || result.Value.Target.Value <= 0 || result.Value.Target.Value > MaxAuc)
        {
            return false;
        }
        dose = result.Value;
        error = "";
        return true;
    }

    /// <summary>The largest AUC target accepted outside regimen files (usual targets are 1 to 8).</summary>
    public const decimal MaxAuc = 20;

    /// <summary>A measurement such as "170 cm", "72 kg", "35%" or "54"; the unit is null for a plain number.</summary>
    public static bool TryParseMeasurement(string text, out decimal value, out string? unit, out string error)
    {
        value = 0;
        unit = null;
        if (!TryLex(text, out var tokens, out error))
        {
            return false;
        }
        var result = ValueOnly.Parse(tokens);
        if (!result.Success || result.Value is not QuantityValue quantity)
        {
            error = $"'{text}' is not a number with an optional unit, such as 170 cm, 72 kg or 35%";
            return false;
        }
        value = quantity.Number.Value;
        unit = quantity.Unit;
        return true;
    }

    private static bool TryLex(string text, out Token[] tokens, out string error)
    {
        var bag = new DiagnosticBag("");
        var lexed = Lexer.LexLine(text, 0, text.Length, 1, bag);
        tokens = lexed.ToArray();
        if (lexed.HasErrors || lexed.Comment is not null || text.Contains('\n', StringComparison.Ordinal))
        {
            error = bag.Items.Count > 0 ? bag.Items[0].Message : $"'{text}' is not a quantity";
            return false;
        }
        error = "";
        return true;
    }
}
