#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, and fails loudly when it cannot.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

need_apt=()
command -v kubectl >/dev/null 2>&1 || need_apt+=(kubernetes-client)
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
# The official Python client's text-format parser checks what /metrics serves (tests/interop/parse-prometheus.py).
/usr/bin/python3 -c 'import prometheus_client.parser' >/dev/null 2>&1 || need_apt+=(python3-prometheus-client)
# The official Python Kubernetes client drives LocalCluster's contract suite (tests/interop/kube-contract.py).
/usr/bin/python3 -c 'import kubernetes.client' >/dev/null 2>&1 || need_apt+=(python3-kubernetes)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
# MariaDB stands in for TiDB's MySQL protocol in the operator's SQL tests (tests/setup/mysql.sh); the client core
# carries my_print_defaults, without which mariadb-install-db stops. openssl makes the test certificates.
[ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server-core)
command -v my_print_defaults >/dev/null 2>&1 || need_apt+=(mariadb-client-core)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "deps: installing ${need_apt[*]} (Debian packages)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps: FAILED: installing ${need_apt[*]} needs root (apt-get); install them and re-run" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || { echo "deps: FAILED: apt-get update" >&2; exit 1; }
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
    || { echo "deps: FAILED: apt-get install ${need_apt[*]}" >&2; exit 1; }
fi

# Node.js packages for the gRPC interop tests (@grpc/grpc-js), pinned by package-lock.json.
if [ -f tests/interop/package.json ] && { [ ! -d tests/interop/node_modules ] || [ tests/interop/package-lock.json -nt tests/interop/node_modules/.package-lock.json ]; }; then
  command -v npm >/dev/null 2>&1 || { echo "deps: FAILED: npm is required for the gRPC interop tests" >&2; exit 1; }
  echo "deps: npm ci in tests/interop"
  (cd tests/interop && npm ci --no-audit --no-fund --silent) || { echo "deps: FAILED: npm ci in tests/interop" >&2; exit 1; }
fi

for tool in kubectl protoc sqlite3 dotnet openssl mariadb-install-db; do
  command -v "$tool" >/dev/null 2>&1 || { echo "deps: FAILED: $tool is still missing" >&2; exit 1; }
done
echo "deps: ok"
