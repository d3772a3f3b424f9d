using RegimenLang.Formulary.BuiltIn;
using RegimenLang.Semantics.Formulary;
using RegimenLang.Syntax.Nodes;
using RegimenLang.Tests.Cli;
using RegimenLang.Tests.Support;
using RegimenLang.Workspace;

namespace RegimenLang.Tests.Semantics;

/// <summary>
/// The built-in formulary is compiled into the tool at build time (RegimenLang.Formulary.Generator writes C# from
/// formulary.yaml). These tests keep the compiled copy and the YAML from ever drifting apart: the comparison walks every
/// public member of the model by reflection, so a member added to the model that the generator does not write makes
/// the first test fail until the generator handles it.
/// </summary>
public sealed class CompiledFormularyTests
{
    [Fact]
    public void The_compiled_formulary_equals_what_the_loader_makes_from_the_yaml()
    {
        var (fromYaml, diagnostics) = FormularyLoader.LoadBuiltInYaml();
        Assert.Empty(diagnostics);
        var compiled = CompiledFormulary.Instance;
        Assert.Equal(fromYaml.Drugs.Length, compiled.Drugs.Length);
        Assert.True(compiled.Drugs.Length >= 100, $"{compiled.Drugs.Length} drugs");
        var differences = ModelDifferences.Between(fromYaml, compiled);
        Assert.True(differences.Count == 0, "the compiled formulary differs from formulary.yaml:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_comparison_sees_a_change_in_any_member_however_deep()
    {
        var (fromYaml, _) = FormularyLoader.LoadBuiltInYaml();
        var drug = fromYaml.Drugs.First(d => !d.UsualDoses.IsEmpty && d.UsualDoses[0].Dose is AmountDose);
        var dose = (AmountDose)drug.UsualDoses[0].Dose;
        DrugEntry[] changes =
        [
            drug with { MaxCycles = (drug.MaxCycles ?? 0) + 1 },
            drug with { Notes = drug.Notes + "!" },
            drug with { Aliases = drug.Aliases.Add("changed") },
            drug with { UsualDoses = drug.UsualDoses.SetItem(0, drug.UsualDoses[0] with { Dose = dose with { Amount = dose.Amount with { Text = dose.Amount.Text + ".0" } } }) },
            drug with { UsualDoses = drug.UsualDoses.SetItem(0, drug.UsualDoses[0] with { Dose = dose with { Amount = dose.Amount with { Value = dose.Amount.Value * 1.0m } } }) },
            drug with { Location = drug.Location with { Line = drug.Location.Line + 1 } },
        ];
        foreach (var changed in changes)
        {
            var formulary = new DrugFormulary(fromYaml.Drugs.Select(d => d.Name == drug.Name ? changed : d), fromYaml.Classes);
            Assert.NotEmpty(ModelDifferences.Between(fromYaml, formulary));
        }
        Assert.Empty(ModelDifferences.Between(fromYaml, new DrugFormulary(fromYaml.Drugs, fromYaml.Classes)));
    }

    [Fact]
    public void The_command_line_checks_against_the_compiled_formulary()
    {
        var (exit, _, _) = CliRunner.Run("explain", "RL0001");
        Assert.Equal(0, exit);
        Assert.Same(CompiledFormulary.Instance, FormularyLoader.BuiltIn);
        Assert.Empty(FormularyLoader.BuiltInDiagnostics);
        // What a checked file is bound against: the workspace's setup with no local formulary is the compiled one's drugs.
        var workspace = new RegimenWorkspace(new MemoryFileSystem().Add("/r/a.regimen", "regimen \"a\"\n"));
        var setup = workspace.SetupFor("/r/a.regimen");
        Assert.Same(CompiledFormulary.Instance.Find("vincristine"), setup.Formulary.Find("vincristine"));
    }

    [Fact]
    public void A_local_formulary_still_extends_the_compiled_one_through_the_loader()
    {
        CompiledFormulary.Install();
        var bag = new RegimenLang.Diagnostics.DiagnosticBag("local.yaml");
        var formulary = FormularyLoader.LoadWithOverrides([("local.yaml", """
            drugs:
              - name: localdrug
                class: test
                routes: [IV]
                source: hospital protocol 12
            """)], bag);
        Assert.Empty(bag.Items);
        Assert.NotNull(formulary.Find("localdrug"));
        Assert.Same(CompiledFormulary.Instance.Find("vincristine"), formulary.Find("vincristine"));
    }
}
