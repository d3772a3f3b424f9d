using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace RegimenLang.Yaml;

/// <summary>What reading a YAML file gave: the object (or the error that stopped it) and an index of positions.</summary>
public sealed record YamlRead<T>(T? Value, YamlPositions Positions, YamlException? Error);

/// <summary>
/// Reads YAML once: the text is parsed into events, which feed both the position index and the
/// (static, reflection-free) deserializer, so a file is never parsed twice.
/// </summary>
public static class YamlInput
{
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

    /// <summary>
    /// Exceptions other than YamlException that YamlDotNet throws on some malformed input (a file cut
    /// off inside a plain scalar, a tag that is not a URI): input errors, not bugs.
    /// </summary>
    private static bool IsMalformedInput(Exception e) =>
        e is InvalidOperationException or ArgumentException or FormatException or OverflowException or InvalidCastException;

    private static YamlException AfterLastEvent(List<ParsingEvent> events, Exception e)
    {
        var at = events.Count > 0 ? events[^1].End : new Mark(0, 1, 1);
        return new YamlException(at, at, $"the YAML cannot be read after this point ({e.Message})");
    }

    /// <summary>Plays recorded events back to the deserializer.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _index = -1;

        public ParsingEvent? Current => _index >= 0 && _index < events.Count ? events[_index] : null;

        public bool MoveNext() => ++_index < events.Count;
    }
}
