using RegimenLang.Diagnostics;

namespace RegimenLang.Checking;

/// <summary>
/// One checker rule. Rules are small classes behind this interface, each reporting the codes it
/// declares (a test checks that every RL2xxx-RL5xxx code has a rule or an owner) through the context.
/// </summary>
public interface ICheckRule
{
    /// <summary>The catalogue entries this rule reports.</summary>
    IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    void Check(RuleContext context);
}
