using RegimenLang.Diagnostics;

namespace RegimenLang.Checking;

/// <summary>What a rule needs to see, and so when it runs.</summary>
public enum RuleScope
{
    /// <summary>One line (or statement) alone: runs on every line that can be read, whatever else in the file is broken.</summary>
    Line,

    /// <summary>A cycle with its lines: runs on every cycle whose lines it needs.</summary>
    Cycle,

    /// <summary>The plan laid out: runs when the plan and the cycles it names are complete, and counts only drugs whose every line was read.</summary>
    Plan,
}

/// <summary>
/// One checker rule. Rules are small classes behind this interface, each reporting the codes it
/// declares (a test checks that every RL2xxx-RL5xxx code has exactly one owner) through the context.
/// </summary>
public interface ICheckRule
{
    /// <summary>The catalogue entries this rule reports.</summary>
    IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    RuleScope Scope { get; }

    void Check(RuleContext context);
}
