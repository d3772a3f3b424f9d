using System.Text.Json;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Cli;

public sealed class FormularyCommandTests() : TempFolder("formulary-")
{
    [Fact]
    public void Without_a_drug_it_lists_every_drug_with_class_routes_and_count_of_numbers()
    {
        var (exit, output, _) = Run("formulary");
        Assert.Equal(0, exit);
        Assert.StartsWith("drug ", output, StringComparison.Ordinal);
        Assert.Contains($"{FormularyLoader.BuiltIn.Drugs.Length} drugs\n", output, StringComparison.Ordinal);
        var vincristine = output.Split('\n').Single(l => l.StartsWith("vincristine ", StringComparison.Ordinal));
        Assert.Contains("vinca alkaloid", vincristine, StringComparison.Ordinal);
        Assert.Contains("IV,CIV", vincristine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drug_by_alias_shows_every_value_with_its_source_and_marks_the_unconfirmed()
    {
        var (exit, output, _) = Run("formulary", "oncovin");
        Assert.Equal(0, exit);
        Assert.StartsWith("vincristine\n", output, StringComparison.Ordinal);
        Assert.Contains("maximum IV: 2 mg per administration", output, StringComparison.Ordinal);
        Assert.Contains("forbidden route IT:", output, StringComparison.Ordinal);
        Assert.Contains("usual dose CIV: UNCONFIRMED: 0.4 mg/m2/day", output, StringComparison.Ordinal);
        Assert.Contains("      source: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lists_drugs_and_shows_one_drug()
    {
        var (exit, output, _) = Run("formulary", "--format", "json");
        Assert.Equal(0, exit);
        using (var list = JsonDocument.Parse(output))
        {
            Assert.Equal(FormularyLoader.BuiltIn.Drugs.Length, list.RootElement.GetProperty("drugs").GetArrayLength());
        }
        (exit, output, _) = Run("formulary", "daunorubicin", "--format", "json");
        Assert.Equal(0, exit);
        using var drug = JsonDocument.Parse(output);
        Assert.Equal("daunorubicin", drug.RootElement.GetProperty("name").GetString());
        var values = drug.RootElement.GetProperty("values").EnumerateArray().ToList();
        Assert.Contains(values, v => v.GetProperty("kind").GetString() == "class equivalent"
            && v.GetProperty("value").GetString()!.Contains("0.6", StringComparison.Ordinal) && !v.GetProperty("unconfirmed").GetBoolean());
        Assert.All(values, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("source").GetString())));
    }

    [Fact]
    public void An_unknown_drug_exits_2_with_a_did_you_mean()
    {
        var (exit, output, error) = Run("formulary", "vincristin");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("'vincristin' is not a drug of the formulary; did you mean 'vincristine'", error, StringComparison.Ordinal);
        (exit, _, error) = Run("formulary", "zzzzzzzzzzzz");
        Assert.Equal(2, exit);
        Assert.Contains("'regimen formulary' lists them all", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formulary_file_extends_the_built_in_one()
    {
        string local = Write("local.yaml", "drugs:\n  - name: localmab\n    class: local antibody\n    routes: [IV]\n    source: \"local policy\"\n    usual:\n      - dose: 5 mg/kg\n        route: IV\n        source: \"local protocol\"\n");
        var (exit, output, _) = Run("formulary", "localmab", "--formulary", local);
        Assert.Equal(0, exit);
        Assert.Contains("usual dose IV: 5 mg/kg (per kg)", output, StringComparison.Ordinal);
        Assert.Contains("source: local protocol", output, StringComparison.Ordinal);
        Assert.Equal(2, Run("formulary", "localmab").Exit);
    }

    [Fact]
    public void An_invalid_formulary_file_is_reported_and_exits_1()
    {
        string local = Write("bad.yaml", "drugs:\n  - name: localmab\n    class: x\n    routes: [IV]\n    source: \"x\"\n    maxCycles: many\n");
        var (exit, _, error) = Run("formulary", "--formulary", local);
        Assert.Equal(1, exit);
        Assert.Contains("bad.yaml:6:", error, StringComparison.Ordinal);
        Assert.Contains("RL1020", error, StringComparison.Ordinal);
    }
}
