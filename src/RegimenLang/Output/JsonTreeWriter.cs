using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RegimenLang.Output;

/// <summary>Prints a tree as indented JSON; numbers stay numbers, decimals keep their exact digits.</summary>
public static class JsonTreeWriter
{
    public static string Write(TreeValue value)
    {
        // The writer fills one growing buffer, which is then decoded in place. (Over a Stream, Utf8JsonWriter keeps
        // everything in a buffer of its own until it is flushed, then copies it into the stream: the syntax tree of
        // a large file is hundreds of megabytes of JSON, and each copy of it counted.)
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // "\n" on every platform (strings are escaped, so no other line break can appear in the output).
            NewLine = "\n",
            // Keep µ, typographic quotes and other non-ASCII text readable; still escapes what JSON must.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteValue(writer, value);
        }
        buffer.Write("\n"u8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, TreeValue value)
    {
        switch (value)
        {
            case TreeObject obj:
                writer.WriteStartObject();
                foreach (var (key, field) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, field);
                }
                writer.WriteEndObject();
                break;
            case TreeArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            case TreeScalar scalar:
                WriteScalar(writer, scalar.Value);
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double x:
                writer.WriteNumberValue(x);
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
