using System.Runtime.CompilerServices;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Evaluation;

/// <summary>
/// Compares keys made of a syntax line and a value by the line's identity. Syntax records compare by value, deep:
/// hashing a whole line (its dose, days, modifiers...) on every lookup made a dictionary per dose the slowest
/// part of an expansion, and two lines written alike are still two lines.
/// </summary>
public sealed class LineKeyComparer<T> : IEqualityComparer<(AdministrationLine Line, T Value)>
{
    public static readonly LineKeyComparer<T> Instance = new();

    public bool Equals((AdministrationLine Line, T Value) x, (AdministrationLine Line, T Value) y) =>
        ReferenceEquals(x.Line, y.Line) && EqualityComparer<T>.Default.Equals(x.Value, y.Value);

    public int GetHashCode((AdministrationLine Line, T Value) key) =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(key.Line), key.Value);
}
