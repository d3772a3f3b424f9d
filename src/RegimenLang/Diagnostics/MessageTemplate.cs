using System.Globalization;
using System.Text;

namespace RegimenLang.Diagnostics;

/// <summary>
/// A message form of the catalogue, with named holes: <c>'{drug}' is not a drug in the formulary{suggestion}</c>.
/// Builders fill the holes; <c>regimen explain</c> shows them as <c>&lt;drug&gt;</c>. <c>{{</c> and
/// <c>}}</c> stand for literal braces.
/// </summary>
public static class MessageTemplate
{
    /// <summary>The template with every hole replaced by its argument (invariant culture).</summary>
    /// <exception cref="ArgumentException">A hole has no argument: a bug in a builder, caught by the catalogue tests.</exception>
    public static string Fill(string template, ReadOnlySpan<(string Name, object? Value)> args)
    {
        var result = new StringBuilder(template.Length + 32);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                result.Append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                result.Append('}');
                i++;
                continue;
            }
            if (c != '{')
            {
                result.Append(c);
                continue;
            }
            int end = template.IndexOf('}', i + 1);
            string name = template[(i + 1)..end];
            bool found = false;
            foreach (var (argName, value) in args)
            {
                if (argName == name)
                {
                    result.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                throw new ArgumentException($"the message template '{template}' has no value for {{{name}}}");
            }
            i = end;
        }
        return result.ToString();
    }

    /// <summary>The names of the holes of <paramref name="template"/>, in order.</summary>
    public static IEnumerable<string> Holes(string template)
    {
        for (int i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i++;
                    continue;
                }
                int end = template.IndexOf('}', i + 1);
                yield return template[(i + 1)..end];
                i = end;
            }
            else if (template[i] == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                i++;
            }
        }
    }

    /// <summary>The template as documentation prints it: holes as &lt;name&gt;, escaped braces as single ones.</summary>
    public static string Readable(string template)
    {
        var result = new StringBuilder(template.Length);
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c);
                i++;
            }
            else if (c == '{')
            {
                int end = template.IndexOf('}', i + 1);
                result.Append('<').Append(template, i + 1, end - i - 1).Append('>');
                i = end;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
