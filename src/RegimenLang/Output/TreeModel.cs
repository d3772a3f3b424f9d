namespace RegimenLang.Output;

/// <summary>
/// A small ordered document model (objects, arrays, scalars) that the AST and the timeline are
/// turned into once, and that the JSON and YAML writers print. Written by hand rather than by a
/// reflection serializer, so output is the same under Native AOT and field order is fixed.
/// </summary>
public abstract record TreeValue;

public sealed record TreeScalar(object? Value) : TreeValue
{
    public static readonly TreeScalar Null = new((object?)null);
}

public sealed record TreeArray(IReadOnlyList<TreeValue> Items) : TreeValue;

public sealed record TreeObject(IReadOnlyList<KeyValuePair<string, TreeValue>> Fields) : TreeValue;

/// <summary>Builds a <see cref="TreeObject"/> field by field, skipping nulls where asked.</summary>
public sealed class TreeObjectBuilder
{
    private readonly List<KeyValuePair<string, TreeValue>> _fields = [];

    public TreeObjectBuilder Add(string key, TreeValue value)
    {
        _fields.Add(new(key, value));
        return this;
    }

    public TreeObjectBuilder Add(string key, object? scalar) => Add(key, new TreeScalar(scalar));

    public TreeObjectBuilder AddIfNotNull(string key, TreeValue? value) => value is null ? this : Add(key, value);

    public TreeObjectBuilder AddIfNotNull(string key, object? scalar) => scalar is null ? this : Add(key, new TreeScalar(scalar));

    public TreeObject Build() => new(_fields);
}
