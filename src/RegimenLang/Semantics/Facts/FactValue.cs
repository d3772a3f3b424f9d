using System.Globalization;

namespace RegimenLang.Semantics.Facts;

public enum FactKind
{
    /// <summary>true or false (a declared <c>input name: flag</c>).</summary>
    Flag,

    /// <summary>A percentage from 0 to 100 (<c>input cd20: percent</c>).</summary>
    Percent,

    /// <summary>A number, in a unit or none (age, weight, <c>input anc: number</c>).</summary>
    Number,

    /// <summary>One of a fixed set of words (sex: female or male).</summary>
    Word,
}

/// <summary>The value of one patient fact: a number (percent inputs keep 35 for 35%), a flag, or a word.</summary>
public readonly record struct FactValue(decimal? Number, bool? Flag, string? Word)
{
    public static FactValue Of(decimal number) => new(number, null, null);

    public static FactValue Of(bool flag) => new(null, flag, null);

    public static FactValue Of(string word) => new(null, null, word);

    public override string ToString() =>
        Word ?? (Flag is { } f ? (f ? "true" : "false") : (Number ?? 0).ToString("0.####", CultureInfo.InvariantCulture));
}
