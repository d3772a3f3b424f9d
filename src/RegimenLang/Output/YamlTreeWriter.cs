using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RegimenLang.Output;

/// <summary>Prints a tree as YAML through YamlDotNet's event emitter (no reflection), which quotes strings correctly.</summary>
public static class YamlTreeWriter
{
    public static string Write(TreeValue value)
    {
        var output = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(output);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteValue(emitter, value);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void WriteValue(IEmitter emitter, TreeValue value)
    {
        switch (value)
        {
            case TreeObject obj:
                emitter.Emit(new MappingStart());
                foreach (var (key, field) in obj.Fields)
                {
                    emitter.Emit(new Scalar(key));
                    WriteValue(emitter, field);
                }
                emitter.Emit(new MappingEnd());
                break;
            case TreeArray array:
                // Short lists of scalars (spans, routes) read best on one line.
                var style = array.Items.Count <= 8 && array.Items.All(i => i is TreeScalar) ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, style));
                foreach (var item in array.Items)
                {
                    WriteValue(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case TreeScalar scalar:
                emitter.Emit(ToScalar(scalar.Value));
                break;
        }
    }

    private static Scalar ToScalar(object? value) => value switch
    {
        null => new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false),
        bool b => Plain(b ? "true" : "false"),
        int or long or decimal or double => Plain(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        string s when NeedsQuotes(s) => new Scalar(AnchorName.Empty, TagName.Empty, s, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true),
        _ => new Scalar(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private static Scalar Plain(string text) =>
        new(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);

    /// <summary>
    /// Strings a YAML reader would take for another type are quoted: numbers, booleans and nulls of YAML 1.1
    /// and 1.2 (y, no, on, ~), dates, and clock times, which YAML 1.1 reads as base-60 numbers (14:00 is 840).
    /// </summary>
    private static bool NeedsQuotes(string s) =>
        s.Length == 0
        || decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s.ToLowerInvariant() is "true" or "false" or "null" or "~" or "y" or "n" or "yes" or "no" or "on" or "off"
        || (s.Length >= 8 && char.IsAsciiDigit(s[0]) && s.Contains('-', StringComparison.Ordinal))
        || LooksNumeric(s);

    /// <summary>Digits with the separators YAML 1.1 allows in numbers (_, :, .), such as 14:00 or 1_000.</summary>
    private static bool LooksNumeric(string s)
    {
        int start = s[0] is '+' or '-' ? 1 : 0;
        if (start >= s.Length || !char.IsAsciiDigit(s[start]))
        {
            return false;
        }
        for (int i = start; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) && s[i] is not (':' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}
