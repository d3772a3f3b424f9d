using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RegimenLang.Yaml;

/// <summary>What reading a YAML file gave: the object (or the error that stopped it) and an index of positions.</summary>
/// <param name="TooLarge">The document's aliases expand it beyond <see cref="YamlInput.MaxExpandedNodes"/> values; nothing was deserialized.</param>
public sealed record YamlRead<T>(T? Value, YamlPositions Positions, YamlException? Error, bool TooLarge = false);

/// <summary>
/// Reads YAML once: the text is parsed into events, which feed both the position index and the
/// (static, reflection-free) deserializer, so a file is never parsed twice. Before anything is built,
/// the values the document stands for are counted with its aliases expanded: a small file that names
/// one large list ten thousand times is refused instead of being walked ten thousand times.
/// </summary>
public static class YamlInput
{
    /// <summary>The most values (scalars, lists, mappings) a document may stand for once its aliases are expanded.</summary>
    public const int MaxExpandedNodes = 200_000;

    public static YamlRead<T> Read<T>(string text) => Read<T>(YamlContext.Deserializer, text);

    public static YamlRead<T> Read<T>(IDeserializer deserializer, string text)
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (YamlException e)
        {
            return new YamlRead<T>(default, YamlPositions.Empty, e);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            return new YamlRead<T>(default, YamlPositions.Empty, AfterLastEvent(events, e));
        }
        var positions = YamlPositions.FromEvents(events);
        if (ExpandedSize(events) > MaxExpandedNodes)
        {
            return new YamlRead<T>(default, positions, null, TooLarge: true);
        }
        try
        {
            return new YamlRead<T>(deserializer.Deserialize<T>(new Replay(events)), positions, null);
        }
        catch (YamlException e)
        {
            return new YamlRead<T>(default, positions, e);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            return new YamlRead<T>(default, positions, AfterLastEvent(events, e));
        }
    }

    /// <summary>How many values the events stand for with every alias replaced by what it names (saturating).</summary>
    private static long ExpandedSize(List<ParsingEvent> events)
    {
        var sizeOfAnchor = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        long total = 0;
        void Add(long n)
        {
            if (open.Count > 0)
            {
                var (anchor, size) = open.Pop();
                open.Push((anchor, Math.Min(size + n, long.MaxValue / 4)));
            }
            else
            {
                total = Math.Min(total + n, long.MaxValue / 4);
            }
        }
        foreach (var e in events)
        {
            switch (e)
            {
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty)
                    {
                        sizeOfAnchor[scalar.Anchor.Value] = 1;
                    }
                    Add(1);
                    break;
                case AnchorAlias alias:
                    Add(sizeOfAnchor.GetValueOrDefault(alias.Value.Value, 1));
                    break;
                case MappingStart mapping:
                    open.Push((mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, 1));
                    break;
                case SequenceStart sequence:
                    open.Push((sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, 1));
                    break;
                case MappingEnd or SequenceEnd when open.Count > 0:
                    var (name, size) = open.Pop();
                    if (name is not null)
                    {
                        sizeOfAnchor[name] = size;
                    }
                    Add(size);
                    break;
            }
            if (total > MaxExpandedNodes)
            {
                return total;
            }
        }
        return total;
    }

    /// <summary>
    /// Exceptions other than YamlException that YamlDotNet throws on some malformed input (a file cut
    /// off inside a plain scalar, a tag that is not a URI, a scalar where a mapping belongs): input errors, not bugs.
    /// </summary>
    private static bool IsMalformedInput(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException or NotSupportedException;

    private static YamlException AfterLastEvent(List<ParsingEvent> events, Exception e)
    {
        var at = events.Count > 0 ? events[^1].End : new Mark(0, 1, 1);
        return new YamlException(at, at, e.Message);
    }

    /// <summary>Plays recorded events back to the deserializer.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _index = -1;

        public ParsingEvent? Current => _index >= 0 && _index < events.Count ? events[_index] : null;

        public bool MoveNext() => ++_index < events.Count;
    }
}
