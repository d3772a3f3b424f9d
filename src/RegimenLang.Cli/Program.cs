using RegimenLang.Cli;

return RegimenApp.Run(args, Console.Out, Console.Error);
