using System.Collections;
using System.Globalization;
using System.Reflection;

namespace RegimenLang.Tests.Support;

/// <summary>
/// Deep comparison of two object graphs by every public instance property and field, found by reflection, so that a member
/// added to a model is compared without a change here. Records' own equality is not enough: ImmutableArray compares by
/// reference, and decimals equal in value may differ in scale ("2" and "2.0"), which the text of a dose keeps.
/// </summary>
public static class ModelDifferences
{
    private const int MaxDepth = 32;

    /// <summary>Each difference as "path: expected X, actual Y"; empty when the two are equal throughout.</summary>
    public static IReadOnlyList<string> Between(object? expected, object? actual, string root = "formulary")
    {
        var differences = new List<string>();
        Compare(expected, actual, root, differences, 0);
        return differences;
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences, int depth)
    {
        if (differences.Count >= 50)
        {
            return;
        }
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
            }
            return;
        }
        var type = expected.GetType();
        if (type != actual.GetType())
        {
            differences.Add($"{path}: expected a {type.Name}, actual a {actual.GetType().Name}");
            return;
        }
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{path}: nested deeper than {MaxDepth}; a cycle in the model?");
        }
        if (expected is string || expected is Enum || type.IsPrimitive || expected is TimeSpan)
        {
            if (!expected.Equals(actual))
            {
                differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
            }
            return;
        }
        if (expected is decimal a && actual is decimal b)
        {
            // Equal in value and in scale: 2.0m and 2m are equal decimals but print differently.
            if (a != b || a.Scale != b.Scale)
            {
                differences.Add($"{path}: expected {Show(a)}, actual {Show(b)}");
            }
            return;
        }
        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            if (IsDefaultImmutableArray(expected) || IsDefaultImmutableArray(actual))
            {
                if (IsDefaultImmutableArray(expected) != IsDefaultImmutableArray(actual))
                {
                    differences.Add($"{path}: one is a default (uninitialised) array, the other is not");
                }
                return;
            }
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                differences.Add($"{path}: expected {left.Count} items, actual {right.Count}");
                return;
            }
            for (int i = 0; i < left.Count; i++)
            {
                Compare(left[i], right[i], $"{path}[{i}]", differences, depth + 1);
            }
            return;
        }
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Get: (Func<object, object?>)p.GetValue))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Get: (Func<object, object?>)f.GetValue)))
            .ToList();
        if (members.Count == 0)
        {
            throw new InvalidOperationException($"{path}: {type.FullName} has no public members to compare; teach ModelDifferences that type.");
        }
        foreach (var (name, get) in members)
        {
            Compare(get(expected), get(actual), $"{path}.{name}", differences, depth + 1);
        }
    }

    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)t.GetProperty("IsDefault")!.GetValue(value)!;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
