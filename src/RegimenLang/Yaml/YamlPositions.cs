using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RegimenLang.Yaml;

/// <summary>
/// Finds the line and column of a value in a YAML document by its path (keys and list indexes).
/// The static deserializer gives objects without positions; this index, built from the same parsing
/// events the deserializer reads, lets every problem found after deserialization still point at the
/// line that caused it.
/// </summary>
public sealed class YamlPositions
{
    public static readonly YamlPositions Empty = new(null);

    private readonly Node? _root;

    private YamlPositions(Node? root) => _root = root;

    /// <summary>A node: its start, and its children (mapping keys with their own positions, or list items).</summary>
    private sealed class Node(Mark start)
    {
        /// <summary>Mappings up to this many keys are searched in order; a larger one is indexed on first use.</summary>
        private const int SearchedInOrder = 16;

        private Dictionary<string, int>? _firstIndexOf;

        public Mark Start { get; } = start;
        public List<(string Key, Mark KeyStart, Node Value)>? Entries { get; set; }
        public List<Node>? Items { get; set; }

        /// <summary>
        /// The first entry of <paramref name="key"/> (Value null when there is none). A problem is reported at its key,
        /// one lookup per key: searching a mapping of n keys in order for each of them would cost n² (a patient
        /// file of 1 MB holds 50,000 keys).
        /// </summary>
        public (string Key, Mark KeyStart, Node Value) Entry(string key)
        {
            var entries = Entries!;
            if (entries.Count <= SearchedInOrder)
            {
                return entries.FirstOrDefault(entry => entry.Key == key);
            }
            if (_firstIndexOf is null)
            {
                var index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
                for (int i = 0; i < entries.Count; i++)
                {
                    index.TryAdd(entries[i].Key, i);
                }
                _firstIndexOf = index;
            }
            return _firstIndexOf.TryGetValue(key, out int found) ? entries[found] : default;
        }
    }

    /// <summary>Indexes the first document of a parsed event stream (without recursion, so deep input cannot exhaust the stack).</summary>
    public static YamlPositions FromEvents(IReadOnlyList<ParsingEvent> events)
    {
        Node? root = null;
        var open = new Stack<Node>();
        string? pendingKey = null;
        Mark pendingKeyStart = Mark.Empty;

        void Attach(Node node)
        {
            if (open.Count == 0)
            {
                root ??= node;
                return;
            }
            var parent = open.Peek();
            if (parent.Items is not null)
            {
                parent.Items.Add(node);
            }
            else if (pendingKey is not null)
            {
                parent.Entries!.Add((pendingKey, pendingKeyStart, node));
                pendingKey = null;
            }
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case DocumentEnd when root is not null:
                    return new YamlPositions(root);
                case Scalar scalar:
                    if (open.Count > 0 && open.Peek().Entries is not null && pendingKey is null)
                    {
                        pendingKey = scalar.Value;
                        pendingKeyStart = scalar.Start;
                    }
                    else
                    {
                        Attach(new Node(scalar.Start));
                    }
                    break;
                case AnchorAlias alias:
                    Attach(new Node(alias.Start));
                    break;
                case MappingStart mapping:
                    var map = new Node(mapping.Start) { Entries = [] };
                    Attach(map);
                    open.Push(map);
                    break;
                case SequenceStart sequence:
                    var list = new Node(sequence.Start) { Items = [] };
                    Attach(list);
                    open.Push(list);
                    break;
                case MappingEnd or SequenceEnd:
                    open.TryPop(out _);
                    pendingKey = null;
                    break;
            }
        }
        return new YamlPositions(root);
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
        if (node?.Entries is not null && node.Entry(key) is { Value: not null } found)
        {
            return ((int)found.KeyStart.Line, (int)found.KeyStart.Column);
        }
        return Find(path);
    }

    /// <summary>The nodes along <paramref name="path"/> from the root, as far as they exist.</summary>
    private IEnumerable<Node> Walk(object[] path)
    {
        var node = _root;
        foreach (var step in path)
        {
            node = (node, step) switch
            {
                ({ Entries: not null }, string key) => node.Entry(key).Value,
                ({ Items: { } items }, int index) when index >= 0 && index < items.Count => items[index],
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
