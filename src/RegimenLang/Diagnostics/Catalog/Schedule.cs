using RegimenLang.Text;

namespace RegimenLang.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- RL2xxx: schedule ---------------------------------------------------------------------

    public static readonly DiagnosticDescriptor DayOutsideCycle = new(
        "RL2001", "Day outside the cycle", DiagnosticFamily.Schedule, Severity.Error,
        [
            "day {day} is outside cycle '{cycle}', which is {length} days long",
            "the last dose of this line falls on day {day}, after the end of cycle '{cycle}' ({length} days): shorten it, or put it in a 'phase' block to run across cycles",
            "day {day} is after the end of phase '{phase}', which is {length} days long",
            "the last dose of this line falls on day {day} of phase '{phase}', after the end of the plan",
            "a dose of this line falls on day {day} of phase '{phase}', in its rest (days {from}-{to}): a rest is treatment-free; give the line on the days of the phase's cycles",
        ],
        "Every listed day must lie at most at the end of the cycle the line ends up in (for a block, every cycle that includes it); days 0 and below " +
        "come before day 1 and are allowed. A day past the end would fall into the next cycle's days, so a line that runs longer than its cycle " +
        "(a ramp, `every 14 days x 9`) belongs in a `phase` block, whose lines run across the phase's cycles and may run on into later phases, " +
        "but not past the end of the plan. A `rest` in a phase is treatment-free: a phase-block line given `throughout` skips it, and any other " +
        "dose of a phase block that falls in it is an error.",
        "cycle A length 21 days {\n  vincristine 2 mg IV days 1, 22\n}",
        "cycle A length 21 days {\n  vincristine 2 mg IV days 1, 15\n}");

    public static readonly DiagnosticDescriptor BadDayList = new(
        "RL2002", "Reversed range or repeated day", DiagnosticFamily.Schedule, Severity.Error,
        [
            "the range {written} is reversed and gives no day: write {swapped}",
            "day {day} is listed twice, so it would be given twice",
        ],
        "A range is written first day to last day (`days 11-14`); a reversed range (`days 14-11`) is empty, which is almost always a typo. " +
        "A day listed twice would be given twice.",
        "dexamethasone 40 mg PO daily days 4-1",
        "dexamethasone 40 mg PO daily days 1-4");

    public static readonly DiagnosticDescriptor DosesDoNotFit = new(
        "RL2003", "Doses do not fit their days", DiagnosticFamily.Schedule, Severity.Error,
        [
            "{frequency} from day {first} puts dose {dose} on day {day}, which is not listed: list days {first}-{last} or change the count",
            "'at' gives {times} but {frequency} gives {perDay} doses a day: give one time (the first dose of the day) or one time per dose",
            "a line timed from another takes its time from it: '{clause}' cannot be used with '{timing}'",
            "'throughout' gives a dose on every day of the {container}: remove the days",
            "a ramp starts on one day and runs its steps from there: write one day, such as 'day {day}'",
            "'{frequency}' from day {first} gives a dose every {interval} days: day {day} is listed but falls between them; list the first day and the last (days {first}-{last}), or only days on the interval",
        ],
        "`q<N>h x <count>` gives exactly count doses, N hours apart, from the first-dose time of the first listed day; every dose must fall on " +
        "a listed treatment day (a treatment day runs from the first-dose time to the same time the next day). `at` gives one clock time (the " +
        "first dose of the day; the frequency places the others) or one per dose of the day. A line timed from another (`30 min before rituximab`) " +
        "is placed by it, so it takes no `at`, no ramp and no frequency that picks its own days. `throughout` takes no days, and a ramp starts on one day. " +
        "`weekly` and `every N days` start on the first listed day and give a dose every N days up to the last: a listed day between two doses would be " +
        "left out, so it is an error.",
        "cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-2",
        "cyclophosphamide 300 mg/m2 IV over 3 h q12h x 6 days 1-3");

    public static readonly DiagnosticDescriptor CycleNotInPhase = new(
        "RL2004", "Cycle number never reached", DiagnosticFamily.Schedule, Severity.Error,
        [
            "'{selector}' goes beyond the phase: the phase of '{cycles}' has {count}",
            "'{selector}' never applies: '{cycles}' only runs as cycle {numbers} of its phase, so the line is never given",
        ],
        "`in cycle N`, `in cycles N-M` and `from cycle N` count the cycles of the phase the cycle runs in (1, 2, 3...). " +
        "A number at which the line's cycle never runs means the line is never given, or that the count is off by one.",
        "cycle A length 21 days {\n  rituximab 375 mg/m2 IV day 1 in cycles 1-6\n}\nplan {\n  induction: A x 4\n}",
        "cycle A length 21 days {\n  rituximab 375 mg/m2 IV day 1 in cycles 1-4\n}\nplan {\n  induction: A x 4\n}");

    public static readonly DiagnosticDescriptor CycleGap = new(
        "RL2005", "A cycle misses a drug its neighbours get", DiagnosticFamily.Schedule, Severity.Warning,
        "in phase '{phase}', cycle {number} ('{cycle}') gets no {drug} while cycles {before} and {after} do: check the 'in cycle' lists",
        "When lines restricted to some cycles (`in cycle 1`, `in cycles 3-4`) give a drug in the cycles around one that gets none of it, " +
        "an override was probably left out: the cycle lists are not exhaustive.",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 3-4",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 2-4");

    public static readonly DiagnosticDescriptor SameDrugTwice = new(
        "RL2006", "Same drug twice on one day", DiagnosticFamily.Schedule, Severity.Warning,
        [
            "{drug} {dose} is also given on day {day} of cycle '{cycle}' by line {line}: the two lines add up",
            "{drug} {dose} is given twice on day {day} of cycle '{cycle}': the block '{block}' is included more than once",
        ],
        "Two lines that give the same drug by the same route and infusion on the same day of the same cycle both apply, so the patient gets both doses. " +
        "This is usually an override (`in cycle 1` beside `in cycles 1-4`) that overlaps, or a block included twice. " +
        "Different infusions (a loading dose over 2 h then the rest over 22 h) are not reported.",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 1-4",
        "inotuzumab 0.6 mg/m2 IV day 2 in cycle 1\ninotuzumab 0.3 mg/m2 IV day 2 in cycles 2-4");

    public static readonly DiagnosticDescriptor OverlappingConditions = new(
        "RL2007", "Overlapping conditions", DiagnosticFamily.Schedule, Severity.Error,
        "this line and line {line} both give {drug} on day {day} when {witness}: the dose could be given twice",
        "Lines of the same drug on the same day that branch on a patient fact must not both apply to one patient. " +
        "`age <= 60` and `age >= 60` both hold at 60; write `age < 60` and `age >= 60`.",
        "cytarabine 3 g/m2 IV over 2 h q12h x 4 days 2-3 when age <= 60\ncytarabine 1 g/m2 IV over 2 h q12h x 4 days 2-3 when age >= 60",
        "cytarabine 3 g/m2 IV over 2 h q12h x 4 days 2-3 when age < 60\ncytarabine 1 g/m2 IV over 2 h q12h x 4 days 2-3 when age >= 60");

    public static readonly DiagnosticDescriptor RateInfusionMismatch = new(
        "RL2008", "Rate dose and infusion do not match", DiagnosticFamily.Schedule, Severity.Error,
        [
            "{dose} is a rate given {route} at once: give it as a continuous infusion (route CIV), over a time ('over 2 h'), or give the amount of each dose without /day",
            "a continuous infusion runs all day: '{frequency}' has no meaning here; give the amount per day as a rate",
            "a continuous infusion needs a rate dose such as {dose}/day, or the time its total runs ('over 46 h'), so the amount is unambiguous",
            "{dose} is a dose per day given {frequency}: write 'divided {frequency}' to split it into the day's doses, or give the amount of each dose without /day",
            "'divided {frequency}' splits a dose per day: write the dose as one, such as {dose}/day",
            "'divided' splits a day's dose into the doses of bid, tid, qid or q<N>h, not '{frequency}'",
            "{dose} is a dose per day, but '{frequency}' does not give a dose every day: give the amount of each dose without /day",
        ],
        "A rate dose (`28 mcg/day`, `2 mg/h`) says how much is given per day. It is given as a continuous infusion (`CIV` or `continuous`: one " +
        "administration per day), over a stated time (`1200 mg/m2/day CIV over 46 h` is one administration of 2,300 mg/m2), once a day by mouth or " +
        "injection (`60 mg/m2/day PO daily`), or split into the doses of a day (`60 mg/m2/day PO divided bid`: two doses of 30 mg/m2). A continuous " +
        "infusion needs a rate dose or the time its total runs (`2400 mg/m2 CIV over 46 h`). Without `divided`, `bid` with a dose per day would be " +
        "read both ways, so it is an error.",
        "prednisone 60 mg/m2/day PO bid days 1-28",
        "prednisone 60 mg/m2/day PO divided bid days 1-28");

    public static readonly DiagnosticDescriptor AnchorNotGiven = new(
        "RL2010", "Timed from a line not given that day", DiagnosticFamily.Schedule, Severity.Error,
        "this line is timed from {anchor} on day {day}, but {container} gives no {anchor} that day",
        "A line timed from another (`30 min before rituximab days 1, 8`) is given on each of its days from that line's dose of the same day. " +
        "On a day the other line is never given there is nothing to time it from. (On a day the other line is left out for a patient, by a `when` " +
        "or an `in cycle`, the timed line is left out with it: that is not an error.)",
        "acetaminophen 650 mg PO 30 min before rituximab days 1, 8\nrituximab 375 mg/m2 IV day 1",
        "acetaminophen 650 mg PO 30 min before rituximab days 1, 8\nrituximab 375 mg/m2 IV days 1, 8");

    public static readonly DiagnosticDescriptor AmbiguousAnchor = new(
        "RL2011", "Timed from one of several lines", DiagnosticFamily.Schedule, Severity.Error,
        "lines {lines} both give {anchor} on day {day} of {container}: label the one to time from ('as NAME') and write '{relation} NAME'",
        "A line timed from a drug needs exactly one line of that drug on each of its days. When two lines give it the same day (a loading dose and " +
        "an infusion), give the one that matters a label with `as` and time the line from the label.",
        "methotrexate 200 mg/m2 IV over 2 h day 1\nmethotrexate 800 mg/m2 IV over 22 h day 1\nleucovorin 15 mg IV q6h x 8 from 36 h after methotrexate starts",
        "methotrexate 200 mg/m2 IV over 2 h day 1 as mtx-load\nmethotrexate 800 mg/m2 IV over 22 h after mtx-load ends\nleucovorin 15 mg IV q6h x 8 from 36 h after mtx-load starts");

    public static readonly DiagnosticDescriptor InfusionOverlap = new(
        "RL2012", "Infusion runs into the next cycle", DiagnosticFamily.Schedule, Severity.Error,
        [
            "{drug} over {duration} from day {day} of cycle '{cycle}' runs until {end}, into the next dose of {drug} ({next})",
            "{drug} over {duration} from day {day} of cycle '{cycle}' runs until {end}, past day 1 of the next cycle ({next})",
        ],
        "An infusion that is still running when the next dose of the same drug starts gives both at once (two pumps), and one that runs past the " +
        "start of the next cycle overlaps that cycle's treatment. Shorten the infusion, start it earlier, or lengthen the cycle.",
        "cycle A length 2 days {\n  fluorouracil 2400 mg/m2 CIV over 46 h day 2\n}",
        "cycle A length 14 days {\n  fluorouracil 2400 mg/m2 CIV over 46 h day 1\n}");

    public static readonly DiagnosticDescriptor PlanTooLarge = new(
        "RL2009", "Plan too large to expand", DiagnosticFamily.Schedule, Severity.Error,
        [
            "the plan has {cycles} over {days}; the evaluator expands at most 1,000 cycle instances, 100 years (36,525 days) and 100,000 administrations",
            "the plan has lines that give {count} administrations; the evaluator expands at most 1,000 cycle instances, 100 years (36,525 days) and 100,000 administrations",
        ],
        "The number of cycle instances and the number of days of a plan are computed from the plan's sequence (`then`, `x N`, `rest`) before " +
        "anything is expanded, so a plan such as `(A x 1000) x 1000` is refused at once, without using memory; so is a plan whose lines would give " +
        "more than 100,000 administrations (counted from the days and frequencies, before any is laid out). No real regimen comes near the bounds.",
        "plan { main: (A x 1000) x 1000 }",
        "plan { main: A x 6 }");

    public static readonly DiagnosticDescriptor ExpectedOverLongest = new(
        "RL2020", "Expected course outside its bounds", DiagnosticFamily.Schedule, Severity.Error,
        [
            "the open-ended course until {event} expects {expected} cycles, but at most {bound} fit in its longest course ({written})",
            "the open-ended course until {event} expects {expected} cycles, but its shortest course ({written}) is {bound} cycles",
        ],
        "An open-ended repeat (`repeat until progression (expect 12 cycles, at least 6 cycles, at most 2 years)`) shows its expected course " +
        "in the timeline and is checked at its longest. The expected course must lie between the shortest (`at least`) and the longest " +
        "(`at most`): a duration holds the whole repeats of the item that fit in it for `expect` and `at most`, and the fewest whole repeats " +
        "that last it for `at least` (a year is 365 days); a count of cycles is that count. An expected course outside its bounds is a typo " +
        "in one of the numbers.",
        "plan { maintenance: lenalidomide repeat until progression (expect 30 cycles, at most 2 years) }   # 28-day cycles: 26 fit",
        "plan { maintenance: lenalidomide repeat until progression (expect 12 cycles, at most 2 years) }");

    public static readonly DiagnosticDescriptor ShortestOverLongest = new(
        "RL2021", "Shortest course longer than the longest", DiagnosticFamily.Schedule, Severity.Error,
        "the open-ended course until {event} lasts at least {shortest} cycles ({least}), but at most {longest} ({most})",
        "An open-ended repeat may give both a shortest course (`at least 1 year`) and a longest (`at most 2 years`). Both are turned " +
        "into whole repeats of the item: the fewest that last the shortest course, and as many as fit in the longest. A shortest course " +
        "longer than the longest leaves no course that meets both: one of the two is a typo. With 28-day cycles, `at least 1 year` needs " +
        "14 cycles (13 last 364 days) and `at most 1 year` holds 13, so write the longest course a cycle longer, or in cycles.",
        "plan { maintenance: ponatinib repeat until progression (at least 5 years, at most 2 years) }",
        "plan { maintenance: ponatinib repeat until progression (at least 2 years, at most 5 years) }");

    private static IEnumerable<DiagnosticDescriptor> ScheduleFamily() =>
    [
        DayOutsideCycle, BadDayList, DosesDoNotFit, CycleNotInPhase, CycleGap, SameDrugTwice, OverlappingConditions, RateInfusionMismatch, PlanTooLarge, ExpectedOverLongest,
        ShortestOverLongest,        AnchorNotGiven, AmbiguousAnchor, InfusionOverlap,
    ];
}

public static partial class Diagnose
{
    public static Diagnostic DayOutsideCycle(SourceSpan at, int day, string cycle, int length) =>
        DiagnosticCatalog.DayOutsideCycle.Create(at, 0, ("day", day), ("cycle", cycle), ("length", length));

    public static Diagnostic RunsPastCycle(SourceSpan at, int day, string cycle, int length) =>
        DiagnosticCatalog.DayOutsideCycle.Create(at, 1, ("day", day), ("cycle", cycle), ("length", length));

    public static Diagnostic DayOutsidePhase(SourceSpan at, int day, string phase, int length) =>
        DiagnosticCatalog.DayOutsideCycle.Create(at, 2, ("day", day), ("phase", phase), ("length", length));

    public static Diagnostic RunsPastPlan(SourceSpan at, int day, string phase) =>
        DiagnosticCatalog.DayOutsideCycle.Create(at, 3, ("day", day), ("phase", phase));

    public static Diagnostic ReversedRange(SourceSpan at, string written, string swapped) =>
        DiagnosticCatalog.BadDayList.Create(at, 0, ("written", written), ("swapped", swapped));

    public static Diagnostic DayListedTwice(SourceSpan at, int day) => DiagnosticCatalog.BadDayList.Create(at, 1, ("day", day));

    public static Diagnostic TimesDoNotFit(SourceSpan at, int times, string frequency, int perDay) =>
        DiagnosticCatalog.DosesDoNotFit.Create(at, 1, ("times", Words.Count(times, "clock time")), ("frequency", frequency), ("perDay", perDay));

    public static Diagnostic NotWithTiming(SourceSpan at, string clause, string timing) =>
        DiagnosticCatalog.DosesDoNotFit.Create(at, 2, ("clause", clause), ("timing", timing));

    public static Diagnostic ThroughoutWithDays(SourceSpan at, string container) => DiagnosticCatalog.DosesDoNotFit.Create(at, 3, ("container", container));

    public static Diagnostic DoseInRest(SourceSpan at, int day, string phase, int from, int to) =>
        DiagnosticCatalog.DayOutsideCycle.Create(at, 4, ("day", day), ("phase", phase), ("from", from), ("to", to));

    public static Diagnostic RampOnSeveralDays(SourceSpan at, int day) => DiagnosticCatalog.DosesDoNotFit.Create(at, 4, ("day", day));

    public static Diagnostic DayOffInterval(SourceSpan at, string frequency, int first, int interval, int day, int last) =>
        DiagnosticCatalog.DosesDoNotFit.Create(at, 5, ("frequency", frequency), ("first", first), ("interval", interval), ("day", day), ("last", last));

    public static Diagnostic AnchorNotGiven(SourceSpan at, string anchor, int day, string container) =>
        DiagnosticCatalog.AnchorNotGiven.Create(at, ("anchor", anchor), ("day", day), ("container", container));

    public static Diagnostic AmbiguousAnchor(SourceSpan at, IEnumerable<int> lines, string anchor, int day, string container, string relation) =>
        DiagnosticCatalog.AmbiguousAnchor.Create(at, ("lines", Words.JoinAnd([.. lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))])),
            ("anchor", anchor), ("day", day), ("container", container), ("relation", relation));

    public static Diagnostic InfusionIntoNextDose(SourceSpan at, string drug, string duration, int day, string cycle, string end, string next) =>
        DiagnosticCatalog.InfusionOverlap.Create(at, 0, ("drug", drug), ("duration", duration), ("day", day), ("cycle", cycle), ("end", end), ("next", next));

    public static Diagnostic InfusionPastNextCycle(SourceSpan at, string drug, string duration, int day, string cycle, string end, string next) =>
        DiagnosticCatalog.InfusionOverlap.Create(at, 1, ("drug", drug), ("duration", duration), ("day", day), ("cycle", cycle), ("end", end), ("next", next));

    public static Diagnostic DosesDoNotFit(SourceSpan at, string frequency, int first, int dose, int day, int last) =>
        DiagnosticCatalog.DosesDoNotFit.Create(at, 0, ("frequency", frequency), ("first", first), ("dose", dose), ("day", day), ("last", last));

    public static Diagnostic CycleBeyondPhase(SourceSpan at, string selector, IEnumerable<string> cycles, int phaseLength) =>
        DiagnosticCatalog.CycleNotInPhase.Create(at, 0, ("selector", selector), ("cycles", string.Join("', '", cycles)),
            ("count", Words.Count(phaseLength, "cycle")));

    public static Diagnostic CycleNeverReached(SourceSpan at, string selector, IEnumerable<string> cycles, IEnumerable<int> runsAt) =>
        DiagnosticCatalog.CycleNotInPhase.Create(at, 1, ("selector", selector), ("cycles", string.Join("', '", cycles)),
            ("numbers", Words.JoinOr([.. runsAt.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))])));

    public static Diagnostic CycleGap(SourceSpan at, string phase, int number, string cycle, string drug, int before, int after) =>
        DiagnosticCatalog.CycleGap.Create(at, ("phase", phase), ("number", number), ("cycle", cycle), ("drug", drug), ("before", before), ("after", after));

    public static Diagnostic SameDrugTwice(SourceSpan at, string drug, string dose, int day, string cycle, int otherLine) =>
        DiagnosticCatalog.SameDrugTwice.Create(at, 0, ("drug", drug), ("dose", dose), ("day", day), ("cycle", cycle), ("line", otherLine));

    public static Diagnostic BlockIncludedTwice(SourceSpan at, string drug, string dose, int day, string cycle, string block) =>
        DiagnosticCatalog.SameDrugTwice.Create(at, 1, ("drug", drug), ("dose", dose), ("day", day), ("cycle", cycle), ("block", block));

    public static Diagnostic OverlappingConditions(SourceSpan at, int otherLine, string drug, int day, string witness) =>
        DiagnosticCatalog.OverlappingConditions.Create(at, ("line", otherLine), ("drug", drug), ("day", day), ("witness", witness));

    public static Diagnostic RateGivenAtOnce(SourceSpan at, string dose, string route) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 0, ("dose", dose), ("route", route));

    public static Diagnostic RateNotDivided(SourceSpan at, string dose, string frequency) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 3, ("dose", dose), ("frequency", frequency));

    public static Diagnostic DividedWithoutRate(SourceSpan at, string dose, string frequency) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 4, ("dose", dose), ("frequency", frequency));

    public static Diagnostic DividedNotSeveralADay(SourceSpan at, string frequency) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 5, ("frequency", frequency));

    public static Diagnostic RateNotDaily(SourceSpan at, string dose, string frequency) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 6, ("dose", dose), ("frequency", frequency));

    public static Diagnostic FrequencyOnInfusion(SourceSpan at, string frequency) =>
        DiagnosticCatalog.RateInfusionMismatch.Create(at, 1, ("frequency", frequency));

    public static Diagnostic InfusionWithoutRate(SourceSpan at, string dose) => DiagnosticCatalog.RateInfusionMismatch.Create(at, 2, ("dose", dose));

    public static Diagnostic ExpectedOverLongest(SourceSpan at, string until, int expected, int longest, string written) =>
        DiagnosticCatalog.ExpectedOverLongest.Create(at, 0, ("event", until), ("expected", expected), ("bound", longest), ("written", written));

    public static Diagnostic ExpectedUnderShortest(SourceSpan at, string until, int expected, int shortest, string written) =>
        DiagnosticCatalog.ExpectedOverLongest.Create(at, 1, ("event", until), ("expected", expected), ("bound", shortest), ("written", written));

    public static Diagnostic ShortestOverLongest(SourceSpan at, string until, int shortest, string least, int longest, string most) =>
        DiagnosticCatalog.ShortestOverLongest.Create(at, ("event", until), ("shortest", shortest), ("least", least), ("longest", longest), ("most", most));

    public static Diagnostic PlanTooLarge(SourceSpan at, string cycles, string days) =>
        DiagnosticCatalog.PlanTooLarge.Create(at, 0, ("cycles", cycles), ("days", days));

    public static Diagnostic TooManyAdministrations(SourceSpan at, long count) =>
        DiagnosticCatalog.PlanTooLarge.Create(at, 1, ("count", count.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)));
}
