using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Checking;

/// <summary>The safety cases the checker exists for, end to end through the command line.</summary>
public sealed class CheckerCliTests() : TempFolder("checker-")
{
    [Fact]
    public void Intrathecal_vincristine_exits_1_with_RL3001_saying_it_is_fatal()
    {
        var (exit, output, _) = Run("check", Write("vcr-it.regimen", Parsing.Regimen("vincristine 2 mg IT day 1")));
        Assert.Equal(1, exit);
        Assert.Contains("error RL3001: vincristine must never be given intrathecally (IT)", output, StringComparison.Ordinal);
        Assert.Contains("fatal", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Doxorubicin_over_its_lifetime_limit_across_phases_exits_1_with_RL3005()
    {
        string file = Write("dox.regimen", Parsing.Header + """
            cycle A length 21 days {
              doxorubicin 50 mg/m2 IV over 24 h day 4
            }
            cycle C length 21 days {
              doxorubicin 75 mg/m2 IV day 1
            }
            plan {
              induction: A x 6
              consolidation: C x 4
            }

            """);
        var (exit, output, _) = Run("check", file);
        Assert.Equal(1, exit);
        Assert.Contains("error RL3005: doxorubicin: 600 mg/m2 over the plan", output, StringComparison.Ordinal);
        Assert.Contains("lifetime maximum of 550 mg/m2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Blinatumomab_written_in_mg_per_day_exits_1_as_a_unit_slip_and_over_the_daily_maximum()
    {
        string file = Write("blina.regimen", Parsing.Header + "cycle blin length 42 days {\n  blinatumomab 28 mg/day CIV days 1-28\n}\nplan {\n  main: blin\n}\n");
        var (exit, output, _) = Run("check", file);
        Assert.Equal(1, exit);
        Assert.Contains("error RL3006: blinatumomab 28 mg/day is 1000 times the usual dose of 28 mcg/day", output, StringComparison.Ordinal);
        Assert.Contains("mg written for mcg?", output, StringComparison.Ordinal);
        Assert.Contains("error RL3003", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Prior_exposure_from_the_patient_file_counts_towards_the_lifetime_limit()
    {
        string file = Write("dox.regimen", Parsing.Regimen("doxorubicin 75 mg/m2 IV day 1") .Replace("main: A", "main: A x 6", StringComparison.Ordinal));
        Assert.Equal(0, Run("check", file).Exit); // 450 mg/m2
        string patient = Write("p.yaml", "height: 170 cm\nweight: 72 kg\nprior:\n  doxorubicin: 150 mg/m2\n");
        var (exit, output, _) = Run("check", file, "--patient", patient);
        Assert.Equal(1, exit);
        Assert.Contains("RL3005", output, StringComparison.Ordinal);
        Assert.Contains("including prior exposure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_patient_absolute_doses_are_checked_against_absolute_limits()
    {
        string file = Write("vcr.regimen", Parsing.Regimen("vincristine 1.4 mg/m2 IV day 1"));
        Assert.DoesNotContain("RL3002", Run("check", file).Out, StringComparison.Ordinal);
        var (exit, output, _) = Run("check", file, "--height", "190", "--weight", "100");
        Assert.Equal(1, exit);
        Assert.Contains("error RL3002: vincristine: 3.22 mg (the limit is 2 mg for this patient)", output, StringComparison.Ordinal);
        // A cap keeps every patient within the limit.
        string capped = Write("vcr-cap.regimen", Parsing.Regimen("vincristine 1.4 mg/m2 IV day 1 cap 2 mg"));
        Assert.Equal(0, Run("check", capped, "--height", "190", "--weight", "100").Exit);
    }

    [Fact]
    public void A_patient_file_with_errors_stops_the_check()
    {
        string file = Write("vcr.regimen", Parsing.Regimen("vincristine 2 mg IV day 1"));
        string patient = Write("p.yaml", "height: 170 cm\nweight: 0 kg\n");
        var (exit, output, _) = Run("check", file, "--patient", patient);
        Assert.Equal(1, exit);
        Assert.Contains("p.yaml:2:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_too_many_administrations_is_refused_before_it_is_laid_out()
    {
        string file = Write("big.regimen", Parsing.Header + """
            cycle A length 36000 days {
              vincristine 2 mg IV q1h days 1-36000
            }
            plan {
              main: A
            }

            """);
        var (exit, output, _) = Run("check", file);
        Assert.Equal(1, exit);
        Assert.Contains("error RL2009: the plan has lines that give 864,000 administrations", output, StringComparison.Ordinal);
        var (expandExit, _, error) = Run("expand", file, "--height", "170", "--weight", "72", "--start", "2026-01-05");
        Assert.Equal(1, expandExit);
        Assert.Contains("RL2009", error, StringComparison.Ordinal);
    }
}
