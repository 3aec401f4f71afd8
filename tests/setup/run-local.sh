#!/usr/bin/env bash
# `make run` without KUBECONFIG: `segrestore local run` = LocalCluster + process kubelet + fake PD + the BR SIMULATOR
# + the operator, in the foreground. State stays in .tmp/run across restarts; FRESH=1 starts over. With KUBECONFIG: the operator host against that cluster (as before).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Debug}"

if [ -n "${KUBECONFIG:-}" ]; then
  echo "run: operator host against KUBECONFIG=$KUBECONFIG"
  exec dotnet run --project src/SegRestore.Operator -c "$configuration" --no-launch-profile
fi

command -v kubectl >/dev/null 2>&1 || tests/setup/deps.sh
for project in src/SegRestore.Cli src/SegRestore.Operator src/SegRestore.Worker tests/SegRestore.BrSim; do
  dotnet build "$project" -c "$configuration" -nologo -clp:ErrorsOnly
done
out() { echo "$root/$1/bin/$configuration/net10.0/$2"; }
exec dotnet "$(out src/SegRestore.Cli segrestore.dll)" local run --dir "$root/.tmp/run" \
  --operator "$(out src/SegRestore.Operator SegRestore.Operator.dll)" \
  --worker "$(out src/SegRestore.Worker SegRestore.Worker.dll)" \
  --br "$(out tests/SegRestore.BrSim br.dll)" \
  --crd "$root/crds/segrestore.io_pointrestoresegments.yaml" \
  --tidbcluster-crd "$root/config/local/pingcap.com_tidbclusters.yaml" ${FRESH:+--fresh}
