namespace SegRestore.Br.Errors;

/// <summary>A classified BR failure: reason, whether retrying may help, and what a DBA should do.</summary>
public sealed record BrFailure(BrFailureReason Reason, bool Permanent, string Remediation, string ErrorText, int? ExitCode)
{
    public bool Retryable => !Permanent;
}
