using System.Text.Json;
using NJsonSchema;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Checking;

/// <summary>SARIF output validates against the SARIF 2.1.0 schema shipped in Fixtures/Sarif.</summary>
public sealed class SarifTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Sarif", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult());

    private static string Sarif(params string[] paths)
    {
        var (_, output, _) = Run(["check", .. paths, "--format", "sarif"]);
        return output;
    }

    [Fact]
    public void Sarif_for_failing_fixtures_validates_against_the_schema()
    {
        string sarif = Sarif(RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Rules"));
        var errors = s_schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        using var json = JsonDocument.Parse(sarif);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.True(results.GetArrayLength() > 20);
    }

    [Fact]
    public void Sarif_for_a_clean_corpus_validates_and_has_no_results()
    {
        string sarif = Sarif(RepoPaths.Regimens);
        Assert.Empty(s_schema.Value.Validate(sarif));
        using var json = JsonDocument.Parse(sarif);
        Assert.Equal(0, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void A_schema_violation_is_detected_so_the_validation_is_real()
    {
        Assert.NotEmpty(s_schema.Value.Validate("""{ "version": "2.1.0", "runs": [ { "results": [] } ] }"""));
    }

    [Fact]
    public void Results_carry_rule_metadata_locations_and_related_locations()
    {
        string sarif = Sarif(RepoPaths.Combine("tests", "RegimenLang.Tests", "Fixtures", "Rules", "RL3001-forbidden-route.fail.regimen"));
        using var json = JsonDocument.Parse(sarif);
        var run = json.RootElement.GetProperty("runs")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal("RL3001", rule.GetProperty("id").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("RL3001", result.GetProperty("ruleId").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(4, region.GetProperty("startLine").GetInt32());
        Assert.Equal(20, region.GetProperty("startColumn").GetInt32());
        var related = result.GetProperty("relatedLocations")[0];
        Assert.Contains("vincristine", related.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 1);
    }
}
