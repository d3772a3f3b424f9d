using RegimenLang.Cli;

return RegimenApp.Run(args, Console.Out, Console.Error,
    isTerminal: !Console.IsOutputRedirected,
    noColorEnvironment: Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 });
