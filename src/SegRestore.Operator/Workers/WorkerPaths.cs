using SegRestore.Br.Arguments;

namespace SegRestore.Operator.Workers;

/// <summary>Paths inside the worker pod. The checkpoint directory must match BR's managed
/// <c>--checkpoint-storage local:///var/lib/segrestore/checkpoint</c> (<see cref="SegRestore.Br.BrFlags.ManagedCheckpointUrl"/>).</summary>
public static class WorkerPaths
{
    public const string BinDirectory = "/var/lib/segrestore/bin";
    public const string BrBinary = BinDirectory + "/br";

    /// <summary>Where the BR image keeps its binary.</summary>
    public const string BrInImage = "/br";

    public const string CheckpointDirectory = "/var/lib/segrestore/checkpoint";
    public const string TlsDirectory = BrRestoreRequestMapper.DefaultTlsDirectory;
    public const string TmpDirectory = "/tmp";

    /// <summary>Where the reporter's CA (Operator:ReporterCaSecretName, key ca.crt) is mounted.</summary>
    public const string ReporterCaDirectory = "/var/run/segrestore/reporter-ca";
    public const string ReporterCaFile = ReporterCaDirectory + "/ca.crt";
    public const string TerminationLog = "/dev/termination-log";

    /// <summary>Octal 0400, owner read-only (C# has no octal literals): the TLS key must not be readable by anyone
    /// else in the pod. fsGroup makes the worker's group the files' group, and the owner is the pod's user.</summary>
    public const int TlsFileMode = 0b100_000_000;

    /// <summary>The non-root user (and group) the worker runs as (distroless "nonroot").</summary>
    public const long NonRootId = 65532;
}
