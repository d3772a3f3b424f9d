using System.Text;
using RegimenLang.Output;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Output;

public sealed class CalendarAndHtmlTests
{
    private static string Expand(string format, string name = "08-hcvad-blina-frontline")
    {
        var (exit, output, error) = Run("expand", Path.Combine(RepoPaths.Regimens, name + ".regimen"),
            "--patient", Path.Combine(RepoPaths.Regimens, name + ".patient.yaml"), "--format", format);
        Assert.True(exit == 0, error);
        return output;
    }

    [Fact]
    public void Ics_has_one_event_per_administration_with_crlf_lines_folded_at_75_octets()
    {
        string ics = Expand("ics");
        using var json = System.Text.Json.JsonDocument.Parse(Expand("json"));
        int administrations = json.RootElement.GetProperty("administrations").GetArrayLength();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.Equal(administrations, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), lines.Count(l => l == "END:VEVENT"));
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        // Cyclophosphamide over 3 h at 08:00 on day 1 of the plan.
        Assert.Contains("DTSTART:20260105T080000\r\nDTEND:20260105T110000\r\nSUMMARY:cyclophosphamide 552 mg IV", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180, "PT3H")]
    [InlineData(1440, "PT24H")]
    [InlineData(90, "PT90M")]
    [InlineData(120, "PT2H")]
    [InlineData(30, "PT30M")]
    public void Durations_are_iso_8601(int minutes, string expected) =>
        Assert.Equal(expected, TimelineIcsWriter.Duration(minutes));

    [Fact]
    public void Html_is_one_page_with_a_table_per_cycle_and_escaped_text()
    {
        string html = Expand("html");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("local clinical validation", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>cyclophosphamide</td>", html, StringComparison.Ordinal);
        Assert.Contains("Cumulative, whole plan", html, StringComparison.Ordinal);
        // The title's "+" and any "<" or "&" in text are encoded, never raw markup.
        Assert.Contains("<title>Hyper-CVAD + blinatumomab", html, StringComparison.Ordinal);
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(html, "<table[ >]"), html.Split("</table>").Length - 1);
        // The roadmap: one grid per phase, a band per cycle; the detailed table of every administration below it.
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(html, "<section class=\"phase\""), System.Text.RegularExpressions.Regex.Count(html, "<table class=\"grid\">"));
        Assert.True(html.IndexOf("<table class=\"grid\">", StringComparison.Ordinal) < html.IndexOf("<section id=\"details\">", StringComparison.Ordinal));
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(html, "<tbody class=\"cycle\""),
            System.Text.RegularExpressions.Regex.Count(html, "<caption>[^<]*\\(plan cycle \\d+\\)") + System.Text.RegularExpressions.Regex.Count(html, "<h3>[^<]*: rest"));
    }
}
