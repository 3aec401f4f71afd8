using SegRestore.Store.Errors;

namespace SegRestore.Store.Rules;

/// <summary>Checkpoint paths are relative POSIX paths under BR's checkpoint directory; anything that could escape
/// it when the worker hydrates the directory is refused.</summary>
public static class CheckpointPathRule
{
    public const int MaxLength = 1024;

    public static void Require(string field, string? path)
    {
        var problem = Check(path);
        if (problem is not null)
        {
            throw new LedgerValidationException(field, path ?? "<null>", problem);
        }
    }

    /// <summary>Null when valid, else what is wrong and how to fix it.</summary>
    public static string? Check(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "a checkpoint path must not be empty";
        }

        if (path.Length > MaxLength)
        {
            return $"a checkpoint path must be at most {MaxLength} characters";
        }

        if (path.StartsWith('/'))
        {
            return "use a path relative to the checkpoint directory (no leading '/')";
        }

        if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return "use '/' as the separator; backslashes and NUL are not allowed";
        }

        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == "." || part == "..")
            {
                return "empty, '.' and '..' path segments are not allowed";
            }
        }

        return null;
    }
}
