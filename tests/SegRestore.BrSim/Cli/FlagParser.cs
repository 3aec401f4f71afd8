namespace SegRestore.BrSim.Cli;

/// <summary>pflag's parsing rules: --name value, --name=value, -x value, bool flags with optional =true|false.</summary>
public static class FlagParser
{
    public static ParsedFlags Parse(IReadOnlyList<string> args, IReadOnlyList<FlagSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(specs);
        var parsed = new ParsedFlags();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                parsed.Help = true;
                continue;
            }

            if (arg == "--")
            {
                parsed.Positional.AddRange(args.Skip(i + 1));
                break;
            }

            FlagSpec? spec;
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var body = arg[2..];
                var eq = body.IndexOf('=', StringComparison.Ordinal);
                var name = eq >= 0 ? body[..eq] : body;
                inline = eq >= 0 ? body[(eq + 1)..] : null;
                spec = specs.FirstOrDefault(s => s.Name == name)
                    ?? throw new BrErrorException($"unknown flag: --{name}");
            }
            else if (arg.StartsWith('-') && arg.Length >= 2)
            {
                var shorthand = arg[1];
                spec = specs.FirstOrDefault(s => s.Shorthand == shorthand)
                    ?? throw new BrErrorException($"unknown shorthand flag: '{shorthand}' in {arg}");
                inline = arg.Length > 2 ? arg[2..].TrimStart('=') : null;
            }
            else
            {
                parsed.Positional.Add(arg);
                continue;
            }

            string value;
            if (spec.IsBool)
            {
                value = inline ?? "true";
                if (!bool.TryParse(value, out var b))
                {
                    throw new BrErrorException($"invalid argument \"{value}\" for \"--{spec.Name}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax");
                }

                value = b ? "true" : "false";
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new BrErrorException($"flag needs an argument: --{spec.Name}");
            }

            parsed.Add(spec.Name, value);
        }

        return parsed;
    }
}
