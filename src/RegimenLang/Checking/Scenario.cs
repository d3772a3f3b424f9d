using RegimenLang.Diagnostics;
using RegimenLang.Semantics.Facts;
using RegimenLang.Semantics.Patients;

namespace RegimenLang.Checking;

/// <summary>
/// A patient for which the checker lays the plan out. With <c>--patient</c> there is one, the real
/// patient. Without, there is one per distinct combination of the conditions' outcomes, built from
/// the thresholds the conditions name (for <c>age &gt;= 60</c>: 59, 60 and 61), so that a limit exceeded
/// for some patients only is found, and named in the message.
/// </summary>
/// <param name="Description">The facts that select this scenario, e.g. "age = 60"; empty when no condition matters.</param>
public sealed record Scenario(Patient Patient, string Description, bool IsRealPatient)
{
    /// <summary>The dose level this scenario checks ("dose level -1 of irinotecan"); empty at the full doses.</summary>
    public string DoseLevelDescription { get; init; } = "";

    /// <summary>The conservative fallback of too many combinations of facts: every conditional line applies.</summary>
    public bool EveryLineApplies { get; init; }

    /// <summary>The dose-changing events this scenario dates before the plan ("after cmr"); empty when none.</summary>
    public string EventDescription { get; init; } = "";

    /// <summary>Whether this scenario dates the event a line's dose changes at (so a finding on the line names it).</summary>
    public bool ChangesDose(Semantics.Binding.BoundAdministration line) =>
        EventDescription.Length > 0 && line.Line.Until is { Then: not null, Event: { } name } && Patient.Events.ContainsKey(name);

    public string When => Phrases.When(string.Join(", ", new[] { Description, DoseLevelDescription, EventDescription }.Where(d => d.Length > 0)));
}
