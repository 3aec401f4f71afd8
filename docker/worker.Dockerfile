# The SegRestore worker: runs BR (copied into the pod by an init container from the BR image) and reports to the
# operator. Build context: the repository root, after `make publish`
# (a self-contained linux-x64 build in artifacts/publish/worker/):
#   make publish && docker build -f docker/worker.Dockerfile -t ghcr.io/segrestore/worker:0.1.0 .
#
# Two stages: the first fixes ownership and modes of the published files, so the runtime stage holds them read-only
# and owned by root while the process runs as 65532, the user the operator's worker pods run as.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS files
COPY artifacts/publish/worker/ /app/
RUN chmod -R a=rX,u+w /app && chmod a+x /app/SegRestore.Worker

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=files /app/ /app/
# Read-only root filesystem: no diagnostics IPC socket; the pod mounts /tmp and the checkpoint directory.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_NOLOGO=1 \
    TMPDIR=/tmp
WORKDIR /app
USER 65532:65532
ENTRYPOINT ["/app/SegRestore.Worker"]
