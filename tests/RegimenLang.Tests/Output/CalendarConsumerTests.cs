using System.Text.Json;
using Ical.Net.CalendarComponents;
using RegimenLang.Output;
using RegimenLang.Tests.Support;
using static RegimenLang.Tests.Cli.CliRunner;

namespace RegimenLang.Tests.Output;

/// <summary>
/// The ICS output as a real consumer reads it: every shipped regimen's calendar for its test patient is parsed back with
/// Ical.Net (an RFC 5545 library calendar tools use) and compared with the JSON timeline of the same expansion.
/// </summary>
public sealed class CalendarConsumerTests() : TempFolder("regimen-ics-")
{
    public static TheoryData<string> Shipped() =>
        [.. Directory.EnumerateFiles(RepoPaths.Regimens, "*.patient.yaml").Select(f => Path.GetFileName(f)[..^".patient.yaml".Length]).Order(StringComparer.Ordinal)];

    private static string Regimen(string name) => Path.Combine(RepoPaths.Regimens, name + ".regimen");

    private static string Expand(string regimen, string patient, params string[] more)
    {
        var (exit, output, error) = Run(["expand", regimen, "--patient", patient, .. more]);
        Assert.True(exit == 0, error);
        return output;
    }

    private static List<CalendarEvent> Parse(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics);
        Assert.NotNull(calendar);
        return [.. calendar!.Events];
    }

    /// <summary>The patient file of a shipped regimen with lines added at the top (a label, an id, another weight).</summary>
    private string Variant(string name, string variant, string lines) =>
        Write($"{name}-{variant}.patient.yaml",
            lines + "\n" + File.ReadAllText(Path.Combine(RepoPaths.Regimens, name + ".patient.yaml")));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_calendar_parses_with_one_event_per_administration_and_infusion_ends(string name)
    {
        string patient = Path.Combine(RepoPaths.Regimens, name + ".patient.yaml");
        var events = Parse(Expand(Regimen(name), patient, "--format", "ics"));
        using var json = JsonDocument.Parse(Expand(Regimen(name), patient, "--format", "json"));
        var administrations = json.RootElement.GetProperty("administrations").EnumerateArray().ToList();
        // Non-drug orders follow the administrations, one event each.
        var orders = json.RootElement.TryGetProperty("orders", out var o) ? o.EnumerateArray().ToList() : [];

        Assert.Equal(administrations.Count + orders.Count, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count());
        for (int i = 0; i < orders.Count; i++)
        {
            var order = events[administrations.Count + i];
            Assert.Equal(orders[i].GetProperty("date").GetString() + " " + orders[i].GetProperty("time").GetString(),
                order.DtStart!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("order: " + orders[i].GetProperty("order").GetString(), order.Summary);
        }
        for (int i = 0; i < administrations.Count; i++)
        {
            var e = events[i];
            var a = administrations[i];
            Assert.Equal(a.GetProperty("date").GetString() + " " + a.GetProperty("time").GetString(),
                e.DtStart!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(e.DtStart.HasTime);
            Assert.StartsWith(a.GetProperty("drug").GetString()!, e.Summary, StringComparison.Ordinal);
            Assert.Empty(e.Alarms);
            if (a.GetProperty("durationMinutes").ValueKind == JsonValueKind.Number)
            {
                // An infusion (or a day of a continuous one) ends its duration after it starts.
                Assert.NotNull(e.DtEnd);
                Assert.Equal(a.GetProperty("durationMinutes").GetDouble(), (e.DtEnd!.Value - e.DtStart.Value).TotalMinutes);
            }
            else
            {
                // Given at once: no invented end (RFC 5545: it ends when it starts).
                Assert.Null(e.DtEnd);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Two_patients_on_one_regimen_have_disjoint_uids_and_the_same_patient_the_same_ones(string name)
    {
        string patient = Path.Combine(RepoPaths.Regimens, name + ".patient.yaml");
        var first = Parse(Expand(Regimen(name), patient, "--format", "ics")).Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
        var again = Parse(Expand(Regimen(name), patient, "--format", "ics")).Select(e => e.Uid).ToHashSet(StringComparer.Ordinal);
        Assert.True(first.SetEquals(again));

        // The same facts with another label, or the same patient with an id, are other patients: no UID in common.
        var labelled = Parse(Expand(Regimen(name), Variant(name, "labelled", "label: Bed 12"), "--format", "ics")).Select(e => e.Uid).ToList();
        var identified = Parse(Expand(Regimen(name), Variant(name, "identified", "id: MRN-0042"), "--format", "ics")).Select(e => e.Uid).ToList();
        Assert.Empty(first.Intersect(labelled, StringComparer.Ordinal));
        Assert.Empty(first.Intersect(identified, StringComparer.Ordinal));
        Assert.Empty(labelled.Intersect(identified, StringComparer.Ordinal));
    }

    [Fact]
    public void A_label_names_the_patient_in_every_event_and_the_id_is_never_printed()
    {
        const string Name = "13-folfiri";
        string ics = Expand(Regimen(Name), Variant(Name, "labelled", "label: \"Bed 12; J.D., left wing\"\nid: MRN-000123"), "--format", "ics");
        Assert.DoesNotContain("MRN-000123", ics, StringComparison.Ordinal);
        var events = Parse(ics);
        Assert.NotEmpty(events);
        // The label's ';' and ',' are escaped in the file and read back as written.
        Assert.All(events, e => Assert.StartsWith("Bed 12; J.D., left wing: ", e.Summary, StringComparison.Ordinal));
        Assert.All(events, e => Assert.StartsWith("patient: Bed 12; J.D., left wing\n", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reminder_adds_a_display_alarm_before_every_event()
    {
        const string Name = "08-hcvad-blina-frontline";
        var events = Parse(Expand(Regimen(Name), Path.Combine(RepoPaths.Regimens, Name + ".patient.yaml"), "--format", "ics", "--reminder", "90 min"));
        Assert.All(events, e =>
        {
            var alarm = Assert.Single(e.Alarms);
            Assert.Equal("DISPLAY", alarm.Action);
            Assert.Equal("-PT90M", alarm.Trigger!.Duration!.Value.ToString());
            Assert.Equal(e.Summary, alarm.Description);
        });
    }

    [Fact]
    public void A_calendar_id_is_the_prefix_of_every_uid()
    {
        const string Name = "15-captem";
        var events = Parse(Expand(Regimen(Name), Path.Combine(RepoPaths.Regimens, Name + ".patient.yaml"), "--format", "ics", "--calendar-id", "ward7-bed12"));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => $"ward7-bed12-{n}@regimenlang"), events.Select(e => e.Uid));
    }

    [Theory]
    [InlineData("--calendar-id", "bed 12", "ics", "not a calendar id")]
    [InlineData("--reminder", "0m", "ics", "not a reminder time")]
    [InlineData("--reminder", "8 days", "ics", "not a reminder time")]
    [InlineData("--reminder", "30m", "json", "--format ics only")]
    public void Calendar_options_that_cannot_apply_are_usage_errors(string option, string value, string format, string message)
    {
        const string Name = "15-captem";
        var (exit, output, error) = Run("expand", Regimen(Name), "--patient", Path.Combine(RepoPaths.Regimens, Name + ".patient.yaml"),
            "--format", format, option, value);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("30 min", 30)]
    [InlineData("1h", 60)]
    [InlineData("2 hours", 120)]
    [InlineData("168h", 10080)]
    public void Reminders_read_minutes_and_hours(string text, int minutes) => Assert.Equal(minutes, CalendarOptions.Reminder(text).Minutes);
}
