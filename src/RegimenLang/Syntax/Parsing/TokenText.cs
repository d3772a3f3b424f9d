using System.Collections.Concurrent;

namespace RegimenLang.Syntax.Parsing;

/// <summary>
/// Shares the strings of short, repeated tokens (keywords, drug names, units, small numbers) so that
/// lexing does not allocate a new string for every word. The pool is bounded, so damaged or generated
/// input cannot make it grow without limit; past the bound, tokens are simply allocated.
/// </summary>
internal static class TokenText
{
    private const int MaxLength = 32;
    private const int MaxEntries = 20_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The entries added, counted here because <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every
    /// one of the pool's locks (up to 1,024 once it has grown): asked for every new word, it made a file of
    /// 80,000 distinct cycle names parse ten times slower than one with a few names. A race may add a few more
    /// than the bound, which only bounds memory.
    /// </summary>
    private static int s_count;

    public static string Get(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        if (length > MaxLength)
        {
            return span.ToString();
        }
        if (Lookup.TryGetValue(span, out var shared))
        {
            return shared;
        }
        string value = span.ToString();
        if (Volatile.Read(ref s_count) < MaxEntries && Pool.TryAdd(value, value))
        {
            Interlocked.Increment(ref s_count);
        }
        return value;
    }
}
