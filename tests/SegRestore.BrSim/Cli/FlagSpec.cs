namespace SegRestore.BrSim.Cli;

/// <summary>A command-line flag as cobra/pflag declares it.</summary>
public sealed record FlagSpec(string Name, char? Shorthand, bool IsBool, string Usage, string DefaultText = "");
