using RegimenLang.Semantics.Formulary;

namespace RegimenLang.Checking;

/// <summary>Which of a drug's formulary companions the checker enforces, and the window each allows.</summary>
public static class CompanionRules
{
    /// <summary>
    /// Required companions a source confirmed. Optional ones (as-needed atropine with irinotecan) never raise a finding, and an
    /// unconfirmed requirement is never presented as checked.
    /// </summary>
    public static IEnumerable<Companion> Enforced(DrugEntry drug) => drug.Companions.Where(c => !c.Optional && !c.Unconfirmed);

    /// <summary>
    /// The window, in minutes from the start of the drug to the start of the companion (negative: before), in which a dose of
    /// the companion satisfies the requirement. <c>from</c> is the nearer bound and <c>to</c> the farther one: "from 15 min to
    /// 60 min before" is [-60, -15]. Before the start with neither bound means "before it, the same day" (a premedication);
    /// with only <c>from</c>, at least that long before (folic acid from 7 days before pemetrexed); with only <c>to</c>,
    /// within that time before it. After the start without <c>to</c>, the window is a day long. With the drug: the same day.
    /// </summary>
    public static (long Earliest, long Latest) Window(Companion companion)
    {
        const long day = 24 * 60;
        long? from = Minutes(companion.From), to = Minutes(companion.To);
        return companion.Timing switch
        {
            CompanionTiming.BeforeStart when from is null && to is null => (-day, 0),
            CompanionTiming.BeforeStart => (to is { } far ? -far : long.MinValue / 4, -(from ?? 0)),
            CompanionTiming.AfterStart => (from ?? 0, to ?? (from ?? 0) + day),
            _ => (-day + 1, day - 1),
        };
    }

    private static long? Minutes(TimeSpan? span) => span is { } s ? (long)s.TotalMinutes : null;

    /// <summary>
    /// A companion begun days before the course (folic acid from 7 days, vitamin B12 in the week before the first pemetrexed
    /// dose) rather than with each dose: a window reaching two days or more before the start.
    /// </summary>
    public static bool IsLeadIn(Companion companion) =>
        companion.Timing == CompanionTiming.BeforeStart && (companion.From ?? TimeSpan.Zero) + (companion.To ?? TimeSpan.Zero) >= TimeSpan.FromDays(2);
}
