using System.Reflection;

namespace RegimenLang.Output;

/// <summary>The tool's name and version, as SARIF, <c>--version</c> and generated files report them (one version, set in Directory.Build.props).</summary>
public static class ToolInfo
{
    public const string Name = "regimen";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
