using SegRestore.Api.Flags;

namespace SegRestore.Br.Arguments;

/// <summary>
/// The builder's last line of defence: no argv item and no Secret name may carry a control character
/// (<see cref="ArgumentText"/>). The spec rules refuse such specs first; this catches a request built another way.
/// </summary>
internal static class ArgvControlCheck
{
    private static readonly Dictionary<string, string> FieldOfFlag = new(StringComparer.Ordinal)
    {
        ["--" + BrFlags.Pd] = "cluster.pd",
        ["-" + BrFlags.StorageShort] = "log.url",
        ["--" + BrFlags.FullBackupStorage] = "fullBackup.url",
        ["--" + BrFlags.CheckpointStorage] = "checkpoint.url",
        ["--" + BrFlags.Filter] = "br.filter",
        ["--" + BrFlags.LogFile] = "logFile",
        ["--" + BrFlags.Ca] = "cluster.tlsSecretName",
        ["--" + BrFlags.Cert] = "cluster.tlsSecretName",
        ["--" + BrFlags.Key] = "cluster.tlsSecretName",
    };

    // BR percent-decodes storage URLs, and the builder percent-encodes the storage options it puts into them.
    private static readonly HashSet<string> UrlFlags =
        new(["-" + BrFlags.StorageShort, "--" + BrFlags.FullBackupStorage, "--" + BrFlags.CheckpointStorage], StringComparer.Ordinal);

    public static void Refuse(IReadOnlyList<string> argv, IReadOnlyList<EnvFromSecret> env)
    {
        for (var index = 0; index < argv.Count; index++)
        {
            var flag = argv[index].StartsWith('-') ? argv[index].Split('=', 2)[0] : index > 0 ? argv[index - 1] : "";
            var field = FieldOfFlag.GetValueOrDefault(flag, flag.Length > 0 ? flag : "command");
            var problem = UrlFlags.Contains(flag) && !argv[index].StartsWith('-')
                ? ArgumentText.ProblemInUrl(field, argv[index])
                : ArgumentText.Problem(field, argv[index]);
            if (problem is not null)
            {
                throw new BrArgumentException(field, problem);
            }
        }

        foreach (var variable in env)
        {
            var field = $"secretName (of {variable.Name})";
            if (ArgumentText.Problem(field, variable.SecretName) is { } problem)
            {
                throw new BrArgumentException("secretName", problem);
            }
        }
    }
}
