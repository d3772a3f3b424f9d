using System.Security.Cryptography;
using System.Text;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// Ids that stay the same from one export to the next (so the golden files and a receiver's updates are stable): taken from
/// the regimen's id and the line numbers, never from the clock or a random source.
/// </summary>
public static class FhirIds
{
    /// <summary>A FHIR id ([A-Za-z0-9-.]{1,64}) made of <paramref name="text"/>: other characters become '-'.</summary>
    public static string Id(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            b.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }
        string id = b.ToString().Trim('-');
        if (id.Length == 0)
        {
            id = "regimen";
        }
        return id.Length <= 64 ? id : id[..55] + "-" + Hash(id)[..8];
    }

    /// <summary>A computer-friendly name ([A-Z][A-Za-z0-9_]*): "hcvad-blina-frontline" becomes "HcvadBlinaFrontline".</summary>
    public static string Name(string text)
    {
        var b = new StringBuilder(text.Length);
        bool upper = true;
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                b.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        string name = b.ToString();
        return name.Length == 0 || !char.IsAsciiLetterUpper(name[0]) ? "Regimen" + name : name;
    }

    /// <summary>A urn:uuid made from <paramref name="key"/> by SHA-256 (version 8, RFC 9562: a name-based UUID of our own hashing).</summary>
    public static string Urn(string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("regimenlang:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        string hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
