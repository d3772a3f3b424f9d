using System.Diagnostics;

namespace RegimenLang.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, run once per page: a screenshot of a window size, or the DOM after the page (and any
/// script in it) has run. Each run has a profile folder of its own, so tests may run side by side.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<string?> s_path = new(Find);

    /// <summary>The browser's executable, or null when none is installed.</summary>
    public static string? Path => s_path.Value;

    /// <summary>CI must run the browser tests: there a missing browser fails them instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("CI") is "true" or "1";

    private static string? Find()
    {
        string[] names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return names.SelectMany(n => folders.Select(f => System.IO.Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    public static void Screenshot(string page, string png, int width, int height) =>
        Run($"--window-size={width},{height}", $"--screenshot={png}", new Uri(page).AbsoluteUri);

    public static string DumpDom(string page, int width = 1280, int height = 900) =>
        Run($"--window-size={width},{height}", "--dump-dom", new Uri(page).AbsoluteUri);

    private static string Run(params string[] args)
    {
        string browser = Path ?? throw new InvalidOperationException("chromium is not installed (apt-get install chromium)");
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var info = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // No sandbox: tests run as root in CI, where chromium refuses to start with one. Scale 1 and hidden scrollbars keep
            // screenshots the same size on every machine.
            foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--no-first-run", "--disable-extensions", "--mute-audio", $"--user-data-dir={profile}" }.Concat(args))
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish in 90 s: {string.Join(' ', args)}");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {error.Result}");
            }
            return output.Result;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A helper process may still hold a file for a moment; the folder is in the temporary folder.
            }
        }
    }
}

/// <summary>
/// A test that needs the browser: skipped, and reported as skipped with the reason, when chromium is missing outside CI;
/// in CI (CI=true) it runs and fails without a browser, since .ci/run installs one.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "chromium is not installed (apt-get install chromium); CI installs it and runs this test";
        }
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "chromium is not installed (apt-get install chromium); CI installs it and runs this test";
        }
    }
}
