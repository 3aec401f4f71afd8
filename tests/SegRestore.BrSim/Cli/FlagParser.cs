namespace SegRestore.BrSim.Cli;

/// <summary>
/// pflag's parsing rules (spf13/pflag flag.go, errors.go): exact, case-sensitive names (BR sets no NormalizeFunc);
/// <c>--name=value</c>, <c>--name value</c>, bool flags with an optional <c>=value</c>; shorthand groups <c>-abc</c>
/// read letter by letter while the letters are bool flags, the first value-taking letter taking the rest
/// (<c>-u=x</c>, <c>-ux</c>) or the next argument; <c>--</c> ends the flags. Errors are worded as pflag words them.
/// </summary>
public static class FlagParser
{
    public static ParsedFlags Parse(IReadOnlyList<string> args, IReadOnlyList<FlagSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(specs);
        var parsed = new ParsedFlags();
        var next = 0;
        while (next < args.Count)
        {
            var arg = args[next++];
            if (arg.Length < 2 || arg[0] != '-')
            {
                parsed.Positional.Add(arg);
            }
            else if (arg == "--")
            {
                parsed.Positional.AddRange(args.Skip(next));
                break;
            }
            else if (arg[1] == '-')
            {
                next = ParseLong(arg, args, next, specs, parsed);
            }
            else
            {
                next = ParseShortGroup(arg, args, next, specs, parsed);
            }
        }

        return parsed;
    }

    private static int ParseLong(string arg, IReadOnlyList<string> args, int next, IReadOnlyList<FlagSpec> specs, ParsedFlags parsed)
    {
        var body = arg[2..];
        if (body[0] is '-' or '=')
        {
            throw new BrErrorException($"bad flag syntax: {arg}");
        }

        var split = body.Split('=', 2);
        var name = split[0];
        var spec = specs.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        if (spec is null)
        {
            parsed.Help |= name == "help";
            return name == "help" ? next : throw new BrErrorException($"unknown flag: --{name}");
        }

        if (split.Length == 2)
        {
            Set(parsed, spec, split[1]);
        }
        else if (spec.IsBool)
        {
            Set(parsed, spec, "true");
        }
        else if (next < args.Count)
        {
            Set(parsed, spec, args[next++]);
        }
        else
        {
            throw new BrErrorException($"flag needs an argument: --{name}");
        }

        return next;
    }

    private static int ParseShortGroup(string arg, IReadOnlyList<string> args, int next, IReadOnlyList<FlagSpec> specs, ParsedFlags parsed)
    {
        var shorthands = arg[1..];
        while (shorthands.Length > 0)
        {
            var letter = shorthands[0];
            var spec = specs.FirstOrDefault(s => s.Shorthand == letter);
            if (spec is null)
            {
                parsed.Help |= letter == 'h';
                return letter == 'h' ? next : throw new BrErrorException($"unknown shorthand flag: '{letter}' in -{shorthands}");
            }

            if (shorthands.Length > 2 && shorthands[1] == '=')
            {
                Set(parsed, spec, shorthands[2..]);
                return next;
            }

            if (spec.IsBool)
            {
                Set(parsed, spec, "true");
                shorthands = shorthands[1..];
            }
            else if (shorthands.Length > 1)
            {
                Set(parsed, spec, shorthands[1..]);
                return next;
            }
            else if (next < args.Count)
            {
                Set(parsed, spec, args[next++]);
                return next;
            }
            else
            {
                throw new BrErrorException($"flag needs an argument: '{letter}' in -{shorthands}");
            }
        }

        return next;
    }

    private static void Set(ParsedFlags parsed, FlagSpec spec, string value)
    {
        if (!spec.IsBool)
        {
            parsed.Add(spec.Name, value);
            return;
        }

        // Go's strconv.ParseBool: exactly these spellings.
        var parsedBool = value switch
        {
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => (bool?)null,
        };
        if (parsedBool is not { } b)
        {
            var flagName = spec.Shorthand is { } letter ? $"-{letter}, --{spec.Name}" : $"--{spec.Name}";
            throw new BrErrorException($"invalid argument {GoQuote(value)} for \"{flagName}\" flag: " +
                $"strconv.ParseBool: parsing {GoQuote(value)}: invalid syntax");
        }

        parsed.Add(spec.Name, b ? "true" : "false");
    }

    /// <summary>Go's %q for the printable ASCII a simulator test passes; other characters as Go escapes them.</summary>
    private static string GoQuote(string value) =>
        "\"" + string.Concat(value.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            < ' ' or '\u007F' => $"\\x{(int)c:x2}",
            _ => c.ToString(),
        })) + "\"";
}
