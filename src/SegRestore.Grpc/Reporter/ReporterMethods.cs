using SegRestore.Grpc.Reporter.Protos;

namespace SegRestore.Grpc.Reporter;

/// <summary>The reporter service's method descriptors, shared by the worker (client) and the operator (server).</summary>
public static class ReporterMethods
{
    public const string ServiceName = "segrestore.reporter.v1.Reporter";

    public static readonly Method<RegisterAttemptRequest, RegisterAttemptResponse> RegisterAttempt =
        new(MethodType.Unary, ServiceName, "RegisterAttempt", RegisterAttemptRequest.Parser, RegisterAttemptResponse.Parser);

    public static readonly Method<ProgressReport, Ack> ReportProgress =
        new(MethodType.Unary, ServiceName, "ReportProgress", ProgressReport.Parser, Ack.Parser);

    public static readonly Method<CheckpointSyncChunk, SyncCheckpointResponse> SyncCheckpoint =
        new(MethodType.ClientStreaming, ServiceName, "SyncCheckpoint", CheckpointSyncChunk.Parser, SyncCheckpointResponse.Parser);

    public static readonly Method<FetchCheckpointRequest, CheckpointFileChunk> FetchCheckpoint =
        new(MethodType.ServerStreaming, ServiceName, "FetchCheckpoint", FetchCheckpointRequest.Parser, CheckpointFileChunk.Parser);

    public static readonly Method<ResultReport, Ack> ReportResult =
        new(MethodType.Unary, ServiceName, "ReportResult", ResultReport.Parser, Ack.Parser);
}
