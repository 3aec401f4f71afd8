// Every opt-in in one file: each is a one-line partial of a message generated from Protos/reporter.proto.
namespace SegRestore.Reporter.Contract.Protos;

public sealed partial class RegisterAttemptRequest : IAttemptScoped;

public sealed partial class ProgressReport : IAttemptScoped;

public sealed partial class CheckpointSyncChunk : IAttemptScoped;

public sealed partial class FetchCheckpointRequest : IAttemptScoped;

public sealed partial class ResultReport : IAttemptScoped;
