using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Where the reporter hands what is not ledger data: progress (kept in memory, written to status by the controller
/// with throttling) and the fact that a result was recorded (the controller then reconciles the segment).
/// </summary>
public interface IAttemptActivitySink
{
    void OnProgress(AttemptGrant grant, ProgressReport progress);

    void OnResultRecorded(AttemptGrant grant, ResultReport result);

    /// <summary>The worker registered its attempt and said which BR it found.</summary>
    void OnRegistered(AttemptGrant grant, string brVersion, string brDialect)
    {
    }
}
