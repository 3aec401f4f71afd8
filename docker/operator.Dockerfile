# The SegRestore operator. Build context: the repository root, after `make publish`
# (a self-contained linux-x64 build in artifacts/publish/operator/):
#   make publish && docker build -f docker/operator.Dockerfile -t ghcr.io/segrestore/operator:0.1.0 .
#
# Two stages: the first fixes ownership and modes of the published files, so the runtime stage holds them read-only
# and owned by root while the process runs as 65532 (the restricted Pod Security Standard's non-root user).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS files
COPY artifacts/publish/operator/ /app/
RUN chmod -R a=rX,u+w /app && chmod a+x /app/SegRestore.Operator

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=files /app/ /app/
# Read-only root filesystem: no diagnostics IPC socket, no first-run files; the only writes go to /tmp (an emptyDir
# in the Deployment), where the reporter spools checkpoint uploads.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_NOLOGO=1 \
    TMPDIR=/tmp
WORKDIR /app
USER 65532:65532
EXPOSE 9443 8080
ENTRYPOINT ["/app/SegRestore.Operator"]
