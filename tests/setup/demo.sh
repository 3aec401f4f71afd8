#!/usr/bin/env bash
# `make demo`: applies config/samples/local-demo/ to the `make run` cluster and shows the chain until it finalizes.
# Uses a running `make run` (its .tmp/run/kubeconfig answers); otherwise starts one in the background for the demo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Debug}"
kubeconfig="$root/.tmp/run/kubeconfig"
cli=(dotnet "$root/src/SegRestore.Cli/bin/$configuration/net10.0/segrestore.dll")
started=""

if ! { [ -s "$kubeconfig" ] && kubectl --kubeconfig "$kubeconfig" get prs >/dev/null 2>&1; }; then
  echo "demo: no \`make run\` cluster answers; starting one (log: .tmp/run.log)"
  mkdir -p .tmp
  rm -f "$kubeconfig"
  setsid tests/setup/run-local.sh >"$root/.tmp/run.log" 2>&1 &
  started=$!
  trap 'kill -TERM -- "-$started" 2>/dev/null || true; wait "$started" 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 1 600); do
    grep -q '^Ready\.' "$root/.tmp/run.log" 2>/dev/null && break
    kill -0 "$started" 2>/dev/null || { cat "$root/.tmp/run.log" >&2; echo "demo: FAILED: make run exited" >&2; exit 1; }
    sleep 1
  done
  grep -q '^Ready\.' "$root/.tmp/run.log" || { echo "demo: FAILED: make run did not become ready in 10 minutes" >&2; exit 1; }
  grep '^local run:' "$root/.tmp/run.log"
else
  dotnet build src/SegRestore.Cli -c "$configuration" -nologo -clp:ErrorsOnly >/dev/null
fi

# kubectl apply is idempotent: on a cluster where the demo already ran it changes nothing and status shows the
# finalized chain. A fresh run needs a fresh simulated target: stop `make run` and start it again.
kubectl --kubeconfig "$kubeconfig" apply -f config/samples/local-demo/
"${cli[@]}" status local-demo-0 --kubeconfig "$kubeconfig" --watch --timeout 600
kubectl --kubeconfig "$kubeconfig" get prs
