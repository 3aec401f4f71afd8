#!/usr/bin/env bash
# `make bench`: runs the benchmarks and writes docs/BENCHMARKS.md with the machine, the date, the commands and the
# numbers. Speed targets are measured here, never by timed unit tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mkdir -p .tmp/bench
out=docs/BENCHMARKS.md
parser_cmd="dotnet run -c Release --project tests/SegRestore.Benchmarks -- --filter '*'"
ledger_cmd="dotnet run -c Release --project tests/SegRestore.Store.CrashWriter -- bench --mib 64 --output .tmp/bench/ledger.md"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
eval "$parser_cmd" | tee .tmp/bench/parser.log
report="$(ls -t tests/SegRestore.Benchmarks/bin/Release/net10.0/BenchmarkDotNet.Artifacts/results/*-report-github.md | head -n 1)"

started_pg=0
if [ -z "${SEGRESTORE_TEST_PG:-}" ]; then
  tests/setup/pg.sh start
  started_pg=1
  set -a; . .tmp/pg.env; set +a
fi
trap '[ "$started_pg" = 1 ] && tests/setup/pg.sh stop' EXIT
eval "$ledger_cmd" | tee .tmp/bench/ledger.log
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (tests/setup/bench.sh). Numbers from one run; compare runs on the same machine only."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)"
  echo "- Load average (1/5/15 min) before: $load_before; after: $load_after"
  echo
  echo "## BR output parser (lines per second = Op/s)"
  echo
  echo "Command: \`$parser_cmd\`"
  echo
  cat "$report"
  echo
  echo "## Ledger: a 64 MiB checkpoint set, commit and read (MB/s)"
  echo
  echo "Command: \`$ledger_cmd\` (PostgreSQL from tests/setup/pg.sh, SQLite in a temporary file; the 'ConfigMap (in-memory store)'"
  echo "row measures encoding, hashing and sharding over an in-memory ConfigMap double; the LocalCluster row adds a real"
  echo "HTTP API server but still no etcd, so a real cluster is slower)."
  echo
  cat .tmp/bench/ledger.md
} > "$out"
echo "bench: wrote $out"
