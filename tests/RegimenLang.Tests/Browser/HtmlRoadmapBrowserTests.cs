using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegimenLang.Tests.Cli;
using RegimenLang.Tests.Support;

namespace RegimenLang.Tests.Browser;

/// <summary>
/// The HTML roadmap in a real browser (Debian's chromium, headless): the DOM as the browser built it, measured by a probe
/// script added to a copy of the page (the page itself has no script), and screenshots at desktop and phone width
/// compared within a tolerance with the PNGs under docs/roadmap (which the README shows). Skipped, and reported as
/// skipped, when chromium is missing outside CI; CI installs it and runs them.
/// </summary>
public sealed partial class HtmlRoadmapBrowserTests : TempFolder
{
    /// <summary>At most this share of pixels may differ from the golden screenshot (anti-aliasing, not layout).</summary>
    private const double Tolerance = 0.01;

    private const string Probe = """
        <script>
        (function () {
          function rgb(s) { return s.match(/[\d.]+/g).slice(0, 3).map(Number); }
          function lum(v) { v = v.map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
            return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
          function background(e) { for (; e; e = e.parentElement) { var b = getComputedStyle(e).backgroundColor;
            if (b && !/rgba\(.*,\s*0\)$/.test(b) && b !== 'transparent') return b; } return 'rgb(255, 255, 255)'; }
          function contrast(e) { var f = lum(rgb(getComputedStyle(e).color)), b = lum(rgb(background(e)));
            return (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05); }
          var marks = Array.prototype.map.call(document.querySelectorAll('.mark[data-entry]'), function (m) {
            var r = m.getBoundingClientRect();
            return { entry: +m.dataset.entry, w: r.width, h: r.height, tip: m.querySelector('.tip').textContent,
              row: m.closest('tr').querySelector('th').textContent };
          });
          var totals = Array.prototype.map.call(document.querySelectorAll('#totals tr[data-drug]'), function (r) {
            return { drug: r.dataset.drug, total: r.dataset.total, unit: r.dataset.unit, count: +r.dataset.count };
          });
          var first = document.querySelector('.mark'), tip = first.querySelector('.tip');
          var hidden = tip.getBoundingClientRect().width;
          // :focus matches only in a focused window; a headless window started under load may not have focus yet.
          window.focus();
          first.focus();
          var shown = tip.getBoundingClientRect().width;
          var samples = document.querySelectorAll('h1, h2, dd, nav a, .legend, table.grid th, table.grid td.total, .mark, #details td');
          var ratios = Array.prototype.map.call(samples, contrast);
          var probe = document.createElement('pre');
          probe.id = 'probe';
          probe.textContent = JSON.stringify({
            marks: marks, totals: totals, tipHidden: hidden, tipShown: shown, focused: document.activeElement === first,
            minContrast: Math.min.apply(null, ratios), samples: ratios.length,
            grids: document.querySelectorAll('table.grid').length, captions: document.querySelectorAll('table.grid > caption').length,
            phases: document.querySelectorAll('section.phase').length, headersWithoutScope: document.querySelectorAll('table th:not([scope])').length,
            pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
            external: document.querySelectorAll('link[href], img[src], script[src], iframe').length
          });
          document.body.appendChild(probe);
        })();
        </script>
        """;

    public HtmlRoadmapBrowserTests() : base("roadmap-")
    {
    }

    private static string Expand(string name, string format)
    {
        var (exit, output, error) = CliRunner.Run("expand", Path.Combine(RepoPaths.Regimens, name + ".regimen"),
            "--patient", Path.Combine(RepoPaths.Regimens, name + ".patient.yaml"), "--format", format);
        Assert.True(exit == 0, error);
        return output;
    }

    [BrowserTheory]
    [InlineData("08-hcvad-blina-frontline")]
    [InlineData("13-folfiri")]
    [InlineData("16-venetoclax-obinutuzumab")]
    [InlineData("14-beam")]
    public void Every_administration_has_its_mark_and_the_totals_match_the_json(string name)
    {
        string html = Expand(name, "html");
        using var json = JsonDocument.Parse(Expand(name, "json"));
        var administrations = json.RootElement.GetProperty("administrations").EnumerateArray().ToList();
        string page = Write(name + ".probe.html", html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        // Phone width: the page itself must not scroll sideways (only the grids do, inside their boxes).
        string dom = Chromium.DumpDom(page, 390, 844);
        var match = ProbeResult().Match(dom);
        Assert.True(match.Success, "the probe script left no result: " + dom[..Math.Min(dom.Length, 2000)]);
        using var probe = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = probe.RootElement;

        var marks = root.GetProperty("marks").EnumerateArray().ToList();
        Assert.Equal(administrations.Count, marks.Count);
        Assert.Equal(Enumerable.Range(0, administrations.Count), marks.Select(m => m.GetProperty("entry").GetInt32()).Order());
        foreach (var mark in marks)
        {
            var a = administrations[mark.GetProperty("entry").GetInt32()];
            string tip = mark.GetProperty("tip").GetString()!;
            Assert.True(mark.GetProperty("w").GetDouble() > 0 && mark.GetProperty("h").GetDouble() > 0, $"mark of {tip} is not rendered");
            Assert.StartsWith($"{a.GetProperty("date").GetString()} {a.GetProperty("time").GetString()}, day {a.GetProperty("cycleDay").GetInt32()}: {a.GetProperty("drug").GetString()} ", tip, StringComparison.Ordinal);
            Assert.Contains($" {a.GetProperty("amount").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)} {a.GetProperty("unit").GetString()} ", tip, StringComparison.Ordinal);
            Assert.StartsWith(a.GetProperty("drug").GetString() + " ", mark.GetProperty("row").GetString(), StringComparison.Ordinal);
        }

        var expectedTotals = json.RootElement.GetProperty("totals").EnumerateArray()
            .Select(t => $"{t.GetProperty("drug").GetString()}{(t.GetProperty("exposure").GetString() == "intrathecal" ? " IT" : "")}|{t.GetProperty("amount").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)}|{t.GetProperty("unit").GetString()}|{t.GetProperty("administrations").GetInt32()}");
        var shownTotals = root.GetProperty("totals").EnumerateArray()
            .Select(t => $"{t.GetProperty("drug").GetString()}|{t.GetProperty("total").GetString()}|{t.GetProperty("unit").GetString()}|{t.GetProperty("count").GetInt32()}");
        Assert.Equal(expectedTotals, shownTotals);

        Assert.True(root.GetProperty("tipHidden").GetDouble() <= 1, "a mark's details show before hover or focus");
        Assert.True(root.GetProperty("focused").GetBoolean(), "a mark cannot take keyboard focus");
        Assert.True(root.GetProperty("tipShown").GetDouble() > 20, "a focused mark does not show its details");
        Assert.True(root.GetProperty("minContrast").GetDouble() >= 4.5, $"text contrast {root.GetProperty("minContrast").GetDouble():0.00} is below WCAG AA (4.5)");
        Assert.True(root.GetProperty("samples").GetInt32() > 10);
        Assert.True(root.GetProperty("phases").GetInt32() >= 1);
        Assert.Equal(root.GetProperty("grids").GetInt32(), root.GetProperty("captions").GetInt32());
        Assert.Equal(0, root.GetProperty("headersWithoutScope").GetInt32());
        Assert.True(root.GetProperty("pageOverflow").GetDouble() <= 0, $"the page is {root.GetProperty("pageOverflow").GetDouble()} px wider than a phone");
        Assert.Equal(0, root.GetProperty("external").GetInt32());
    }

    [BrowserTheory]
    [InlineData("08-hcvad-blina-frontline", "desktop", 1280, 900)]
    [InlineData("08-hcvad-blina-frontline", "phone", 390, 844)]
    [InlineData("13-folfiri", "desktop", 1280, 900)]
    [InlineData("13-folfiri", "phone", 390, 844)]
    public void The_page_looks_like_its_committed_screenshot(string name, string device, int width, int height)
    {
        string page = Write(name + ".html", Expand(name, "html"));
        string golden = RepoPaths.Combine("docs", "roadmap", $"{name}-{device}.png");
        string shot = Path.Combine(Folder, $"{name}-{device}.png");
        Chromium.Screenshot(page, shot, width, height);
        var actual = PngImage.Read(shot);
        Assert.Equal((width, height), (actual.Width, actual.Height));

        double difference = File.Exists(golden) ? actual.DifferenceFrom(PngImage.Read(golden)) : 1;
        if (difference <= Tolerance)
        {
            return;
        }
        if (Golden.Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.Copy(shot, golden, overwrite: true);
            return;
        }
        string received = golden[..^".png".Length] + ".received.png";
        File.Copy(shot, received, overwrite: true);
        Assert.Fail($"{RepoPaths.Relative(golden)}: {difference:P2} of the pixels differ (at most {Tolerance:P0}); the new screenshot is "
            + $"{RepoPaths.Relative(received)}. If the change is right, run the tests with {Golden.AcceptVariable}=1.");
    }

    /// <summary>The comparison is no formality: two different pages differ far beyond the tolerance.</summary>
    [Fact]
    public void Screenshots_of_different_pages_differ_beyond_the_tolerance()
    {
        var folfiri = PngImage.Read(RepoPaths.Combine("docs", "roadmap", "13-folfiri-desktop.png"));
        var hcvad = PngImage.Read(RepoPaths.Combine("docs", "roadmap", "08-hcvad-blina-frontline-desktop.png"));
        Assert.Equal(0, folfiri.DifferenceFrom(folfiri));
        Assert.True(folfiri.DifferenceFrom(hcvad) > 5 * Tolerance, $"{folfiri.DifferenceFrom(hcvad):P2}");
    }

    [GeneratedRegex("<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeResult();
}
