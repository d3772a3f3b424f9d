using RegimenLang.Evaluation;
using RegimenLang.Semantics.Binding;
using RegimenLang.Syntax.Formatting;
using RegimenLang.Syntax.Nodes;

namespace RegimenLang.Output.Fhir;

/// <summary>
/// A regimen without a patient as one FHIR R4 PlanDefinition (a clinical protocol): an action per phase of the plan, under it an
/// action per cycle as laid out (so <c>x N</c>, <c>then</c>, <c>rest</c> and <c>in cycles</c> need no rule of their own), under
/// that an action per administration line with its days as the timing-daysOfCycle extension, its condition, its timing from
/// another line as relatedAction, and its dose in a contained ActivityDefinition. Why one resource with contained definitions
/// rather than a Bundle: docs/fhir.md.
/// </summary>
public static class PlanDefinitionBuilder
{
    public static TreeObject Build(SemanticModel model)
    {
        string id = FhirIds.Id(ResourceKey(model));
        var definitions = new Dictionary<AdministrationLine, string>(ReferenceEqualityComparer.Instance);
        var contained = new List<TreeValue>();
        string DefinitionOf(BoundAdministration administration)
        {
            if (!definitions.TryGetValue(administration.Line, out var definition))
            {
                definition = $"line-{administration.Line.Span.Line}";
                definitions[administration.Line] = definition;
                contained.Add(ActivityDefinition(definition, administration));
            }
            return "#" + definition;
        }

        var actions = PlanActions(model, DefinitionOf);
        var resource = new TreeObjectBuilder()
            .Add("resourceType", "PlanDefinition")
            .Add("id", id)
            .Add("text", FhirElements.Narrative([model.Title.Length > 0 ? model.Title : id, .. Metadata(model, "indication")]));
        resource.Add("contained", new TreeArray(contained));
        resource.Add("name", FhirIds.Name(id));
        if (model.Title.Length > 0)
        {
            resource.Add("title", model.Title);
        }
        if (Metadata(model, "version").FirstOrDefault() is { } version)
        {
            resource.Add("version", version);
        }
        var type = new TreeObjectBuilder().Add("system", FhirTerms.PlanDefinitionType).Add("code", "clinical-protocol").Add("display", "Clinical Protocol").Build();
        resource.Add("type", new TreeObjectBuilder().Add("coding", FhirElements.Array([type])).Build());
        resource.Add("status", Status(model.Document.MetadataValue("status")));
        if (Metadata(model, "author").ToList() is { Count: > 0 } authors)
        {
            resource.Add("author", FhirElements.Array(authors.Select(a => (TreeValue)new TreeObjectBuilder().Add("name", a).Build())));
        }
        if (Metadata(model, "indication").FirstOrDefault() is { } indication)
        {
            resource.Add("description", indication);
        }
        if (Metadata(model, "population").FirstOrDefault() is { } population)
        {
            resource.Add("usage", population);
        }
        if (Metadata(model, "source").ToList() is { Count: > 0 } sources)
        {
            resource.Add("relatedArtifact", FhirElements.Array(sources.Select(Citation)));
        }
        resource.Add("action", new TreeArray(actions));
        return resource.Build();
    }

    /// <summary>The key of the regimen's ids: its <c>id</c> metadata, else the file's name.</summary>
    public static string ResourceKey(SemanticModel model) =>
        model.Id.Length > 0 ? model.Id : Path.GetFileNameWithoutExtension(model.Path);

    /// <summary>FHIR's publication status for the regimen's <c>status</c> (draft when it is none of FHIR's).</summary>
    public static string Status(string? status) => status?.Trim().ToLowerInvariant() is "active" or "retired" or "unknown" or "draft"
        ? status.Trim().ToLowerInvariant()
        : "draft";

    public static bool IsFhirStatus(string status) => status.Trim().ToLowerInvariant() is "active" or "retired" or "unknown" or "draft";

    private static IEnumerable<string> Metadata(SemanticModel model, string key) =>
        model.Document.Metadata.Where(m => string.Equals(m.Key.Text, key, StringComparison.OrdinalIgnoreCase)).Select(m => m.Value.Trim());

    /// <summary>A <c>source</c> as a citation, with a resolvable address for the forms the language knows.</summary>
    private static TreeValue Citation(string source)
    {
        string? url = source switch
        {
            _ when source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => source,
            _ when source.StartsWith("doi:", StringComparison.OrdinalIgnoreCase) => "https://doi.org/" + source[4..],
            _ when source.StartsWith("pmid:", StringComparison.OrdinalIgnoreCase) => $"https://pubmed.ncbi.nlm.nih.gov/{source[5..]}/",
            _ when source.StartsWith("NCT", StringComparison.OrdinalIgnoreCase) => "https://clinicaltrials.gov/study/" + source,
            _ => null,
        };
        return new TreeObjectBuilder().Add("type", "citation").Add("citation", source).AddIfNotNull("url", url).Build();
    }

    private static List<TreeValue> PlanActions(SemanticModel model, Func<BoundAdministration, string> definitionOf)
    {
        // Branches take their first alternative (RL7015) and open-ended repeats their expected course (RL7016), as reported.
        var layout = PlanLayout.Of(model, _ => true, longest: false);
        var result = new List<TreeValue>();
        if (!layout.IsLaidOut || model.Plan is not { } plan)
        {
            // No plan to lay out: each cycle as written, so no line is left out.
            foreach (var cycle in model.Cycles.Values.OrderBy(c => c.Syntax.Span.Start))
            {
                result.Add(CycleAction($"cycle-{FhirIds.Id(cycle.Name)}", $"Cycle {cycle.Name}", cycle, cycle.Lines, null, 0, definitionOf));
            }
            return result;
        }
        string? previous = null;
        int rest = 0;
        foreach (var phase in plan.Phases)
        {
            var children = new List<TreeValue>();
            var instances = layout.Instances.Where(i => string.Equals(i.Phase, phase.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var instance in instances)
            {
                if (instance.Symbol is not { } cycle)
                {
                    rest += instance.LengthDays;
                    continue;
                }
                string id = $"cycle-{instance.Cycle}";
                string title = $"Cycle {instance.Cycle}: {cycle.Name}" + (instance.CycleTitle is { } t ? $" ({t})" : "");
                var lines = cycle.Lines.Where(a => a.Line.Cycles is not { } selector || selector.Includes(instance.PhaseCycle));
                children.Add(CycleAction(id, title, cycle, lines, previous, rest, definitionOf,
                    $"{phase.Name} cycle {instance.PhaseCycle}, {instance.LengthDays} days"));
                previous = id;
                rest = 0;
            }
            var action = new TreeObjectBuilder().Add("id", $"phase-{FhirIds.Id(phase.Name)}").Add("title", phase.Name);
            if (model.PhaseBlocks.GetValueOrDefault(phase.Name) is { } block && instances.Count > 0)
            {
                int length = instances[^1].StartDay + instances[^1].LengthDays - instances[0].StartDay;
                action.Add("timingTiming", CycleTiming(length));
                var ids = new Dictionary<AdministrationLine, string>(ReferenceEqualityComparer.Instance);
                foreach (var line in block.Lines)
                {
                    ids[line.Line] = $"phase-{FhirIds.Id(phase.Name)}-l{line.Line.Span.Line}";
                }
                children.AddRange(block.Lines.Select(line => LineAction(ids[line.Line], line, ids, length, definitionOf)));
            }
            action.Add("action", new TreeArray(children));
            result.Add(action.Build());
        }
        return result;
    }

    /// <summary>The timing of a cycle (or of a phase its block's days count in): one period of its length, as the KDN5 example of R4 writes cycles.</summary>
    private static TreeObject CycleTiming(int lengthDays) =>
        new TreeObjectBuilder().Add("repeat", new TreeObjectBuilder()
            .Add("count", 1).Add("duration", lengthDays).Add("durationUnit", "d")
            .Add("frequency", 1).Add("period", lengthDays).Add("periodUnit", "d").Build()).Build();

    private static TreeObject CycleAction(string id, string title, CycleSymbol cycle, IEnumerable<BoundAdministration> lines, string? previous, int restDays,
        Func<BoundAdministration, string> definitionOf, string? description = null)
    {
        int length = cycle.LengthDays ?? 0;
        var given = lines.ToList();
        // A line's id within the cycle, which relatedAction names (the first, if a block is included twice).
        var ids = new Dictionary<AdministrationLine, string>(ReferenceEqualityComparer.Instance);
        foreach (var line in given)
        {
            ids.TryAdd(line.Line, $"{id}-l{line.Line.Span.Line}" + (line.Line.Label is { } label ? "-" + FhirIds.Id(label.Name.Text) : ""));
        }
        var action = new TreeObjectBuilder().Add("id", id).Add("title", title).AddIfNotNull("description", description);
        if (previous is not null)
        {
            var related = new TreeObjectBuilder().Add("actionId", previous).Add("relationship", "after-end");
            if (restDays > 0)
            {
                related.Add("offsetDuration", FhirElements.Duration(restDays, "d"));
            }
            action.Add("relatedAction", FhirElements.Array([related.Build()]));
        }
        if (length > 0)
        {
            action.Add("timingTiming", CycleTiming(length));
        }
        var children = new List<TreeValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in given)
        {
            string lineId = ids[line.Line];
            for (int n = 2; !seen.Add(lineId); n++)
            {
                lineId = $"{ids[line.Line]}-{n}";
            }
            children.Add(LineAction(lineId, line, ids, length, definitionOf));
        }
        action.Add("action", new TreeArray(children));
        return action.Build();
    }

    private static TreeObject LineAction(string id, BoundAdministration administration, IReadOnlyDictionary<AdministrationLine, string> ids, int lengthDays,
        Func<BoundAdministration, string> definitionOf)
    {
        var line = administration.Line;
        var action = new TreeObjectBuilder().Add("id", id);
        var days = line.Frequency?.Kind == FrequencyKind.Throughout && administration.ListedDays.IsEmpty
            ? Enumerable.Range(1, Math.Max(lengthDays, 0)).ToList()
            // A lab-driven duration is listed at its expected course, as the timeline shows it (RL7019).
            : (BoundAdministration.UntilCourse(line, longest: false) ?? administration.ListedDays).Where(d => d >= 1).ToList();
        if (days.Count > 0)
        {
            var dayExtensions = days.Select(d => (TreeValue)new TreeObjectBuilder().Add("url", "day").Add("valueInteger", d).Build());
            var extension = new TreeObjectBuilder().Add("extension", FhirElements.Array(dayExtensions)).Add("url", FhirTerms.DaysOfCycle).Build();
            action.Add("extension", FhirElements.Array([extension]));
        }
        action.Add("title", SyntaxPrinter.Print(line));
        if (line.When is { } when)
        {
            string condition = SyntaxPrinter.Condition(when.Condition);
            var expression = new TreeObjectBuilder()
                .Add("description", "when " + condition)
                .Add("language", FhirTerms.RegimenLanguage)
                .Add("expression", condition)
                .Build();
            action.Add("condition", FhirElements.Array([new TreeObjectBuilder().Add("kind", "applicability").Add("expression", expression).Build()]));
        }
        if (administration.Anchor is { } anchor)
        {
            var related = new List<TreeValue>();
            foreach (var candidate in anchor.Candidates)
            {
                if (ids.TryGetValue(candidate, out var target))
                {
                    var relation = new TreeObjectBuilder().Add("actionId", target).Add("relationship", Relationship(anchor.Syntax));
                    if (anchor.Syntax.Offset is { } offset)
                    {
                        relation.Add("offsetDuration", FhirElements.Duration(offset));
                    }
                    related.Add(relation.Build());
                }
            }
            if (related.Count > 0)
            {
                action.Add("relatedAction", new TreeArray(related));
            }
        }
        action.Add("definitionCanonical", definitionOf(administration));
        return action.Build();
    }

    /// <summary>FHIR's ActionRelationshipType for <c>before|after ANCHOR [starts|ends]</c>: before the start, after the end, ...</summary>
    private static string Relationship(TimingModifier timing) => (timing.Relation, timing.EffectiveEdge) switch
    {
        (TimingRelation.Before, AnchorEdge.Starts) => "before-start",
        (TimingRelation.Before, AnchorEdge.Ends) => "before-end",
        (TimingRelation.After, AnchorEdge.Starts) => "after-start",
        _ => "after-end",
    };

    private static TreeObject ActivityDefinition(string id, BoundAdministration administration) =>
        new TreeObjectBuilder()
            .Add("resourceType", "ActivityDefinition")
            .Add("id", id)
            .Add("name", FhirIds.Name(id))
            .Add("title", SyntaxPrinter.Print(administration.Line))
            .Add("status", "draft")
            .Add("kind", "MedicationRequest")
            .Add("intent", "proposal")
            .Add("productCodeableConcept", FhirElements.Text(administration.DrugName))
            .Add("dosage", new TreeArray([.. FhirDosage.Of(administration)]))
            .Build();
}
