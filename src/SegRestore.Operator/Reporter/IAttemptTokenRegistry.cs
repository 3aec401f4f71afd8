namespace SegRestore.Operator.Reporter;

/// <summary>
/// The tokens the controller issued: (segment uid, attempt) -> grant with the token's hash. The controller fills it
/// when it creates a worker pod and revokes the grant when the attempt ends or is superseded.
/// </summary>
public interface IAttemptTokenRegistry
{
    AttemptGrant? Find(string segmentUid, int attempt);
}
