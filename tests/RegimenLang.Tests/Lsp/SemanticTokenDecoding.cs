using System.Text.Json;
using RegimenLang.Lsp.Features;

namespace RegimenLang.Tests.Lsp;

/// <summary>Reads a semanticTokens answer back into (line, character, length, type) tuples: the protocol's five-number relative encoding.</summary>
internal static class SemanticTokenDecoding
{
    public static List<(int Line, int Char, int Length, string Type)> Decode(JsonElement tokens)
    {
        var data = tokens.GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var decoded = new List<(int Line, int Char, int Length, string Type)>();
        int line = 0, character = 0;
        for (int i = 0; i < data.Count; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            decoded.Add((line, character, data[i + 2], SemanticTokensProvider.TokenTypes[data[i + 3]]));
        }
        return decoded;
    }
}
