#!/usr/bin/env bash
# `make run`. With KUBECONFIG set: the operator host against that cluster. Without it: the embedded LocalCluster
# (kubectl-compatible API server + process kubelet) with the PointRestoreSegment CRD applied, in the foreground.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Debug}"

if [ -n "${KUBECONFIG:-}" ]; then
  echo "run: operator host against KUBECONFIG=$KUBECONFIG"
  exec dotnet run --project src/SegRestore.Operator -c "$configuration" --no-launch-profile
fi

command -v kubectl >/dev/null 2>&1 || tests/setup/deps.sh
dotnet build src/SegRestore.Cli -c "$configuration" -nologo -clp:ErrorsOnly
mkdir -p .tmp
kubeconfig="$root/.tmp/localcluster.kubeconfig"
rm -f "$kubeconfig"
dotnet "src/SegRestore.Cli/bin/$configuration/net10.0/segrestore.dll" local up --port 0 --kubeconfig "$kubeconfig" &
cluster=$!
trap 'kill -TERM "$cluster" 2>/dev/null || true; wait "$cluster" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  [ -s "$kubeconfig" ] && kubectl --kubeconfig "$kubeconfig" get namespaces >/dev/null 2>&1 && break
  kill -0 "$cluster" 2>/dev/null || { echo "run: FAILED: LocalCluster exited" >&2; exit 1; }
  sleep 0.5
done
kubectl --kubeconfig "$kubeconfig" apply -f crds/ >/dev/null
cat <<MSG

run: LocalCluster is up with the PointRestoreSegment CRD.
  export KUBECONFIG=$kubeconfig
  kubectl create namespace tidb && kubectl apply -f config/samples/three-segment/ && kubectl get prs -n tidb
The segment controller that runs the chain is not wired into this command yet (issue [controller]).
Ctrl+C stops LocalCluster.
MSG
wait "$cluster"
