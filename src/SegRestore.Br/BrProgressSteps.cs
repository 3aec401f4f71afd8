namespace SegRestore.Br;

/// <summary>Names of BR's progress steps for `restore point` (BR's progress bar names).</summary>
public static class BrProgressSteps
{
    public const string FullRestore = "Full Restore";
    public const string RestoreMetaFiles = "Restore Meta Files";
    public const string RestoreFilesSstAndLog = "Restore Files(SST + Log)";
    public const string RestoreKvFiles = "Restore KV Files";
}
