using YamlDotNet.RepresentationModel;

namespace RegimenLang.Yaml;

/// <summary>
/// Finds the line and column of a value in a YAML document by its path (keys and list indexes).
/// The static deserializer gives objects without positions; this index over the same text lets every
/// problem found after deserialization still point at the line that caused it.
/// </summary>
public sealed class YamlPositions
{
    private readonly YamlNode? _root;

    private YamlPositions(YamlNode? root) => _root = root;

    public static YamlPositions Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return new YamlPositions(null);
        }
        return new YamlPositions(stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null);
    }

    /// <summary>The 1-based line and column of the node at <paramref name="path"/>, or of its nearest ancestor that exists.</summary>
    public (int Line, int Column) Find(params object[] path)
    {
        var best = _root;
        foreach (var node in Walk(path))
        {
            best = node;
        }
        return best is null ? (1, 1) : ((int)best.Start.Line, (int)best.Start.Column);
    }

    /// <summary>The position of a key itself (rather than its value) in the mapping at <paramref name="path"/>.</summary>
    public (int Line, int Column) FindKey(object[] path, string key)
    {
        var nodes = Walk(path).ToList();
        var node = nodes.Count == path.Length ? (path.Length == 0 ? _root : nodes[^1]) : null;
        if (node is YamlMappingNode mapping && mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } keyNode)
        {
            return ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
        }
        return Find(path);
    }

    /// <summary>The nodes along <paramref name="path"/> from the root, as far as they exist.</summary>
    private IEnumerable<YamlNode> Walk(object[] path)
    {
        var node = _root;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                (YamlMappingNode map, string key) => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value,
                (YamlSequenceNode seq, int index) when index >= 0 && index < seq.Children.Count => seq.Children[index],
                _ => null,
            };
            if (node is null)
            {
                yield break;
            }
            yield return node;
        }
    }
}
