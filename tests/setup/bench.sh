#!/usr/bin/env bash
# `make bench`: runs the benchmarks and writes docs/BENCHMARKS.md with the machine, the date, the commands and the
# numbers. Speed targets are measured here, never by timed unit tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mkdir -p .tmp/bench
out=docs/BENCHMARKS.md
parser_cmd="dotnet run -c Release --project tests/SegRestore.Benchmarks -- --filter '*' ${BENCH_PARSER_JOB:+--job $BENCH_PARSER_JOB}"
ledger_cmd="dotnet run -c Release --project tests/SegRestore.Store.CrashWriter -- bench --mib 64 --output .tmp/bench/ledger.md"

# Whole-system scenarios (tests/SegRestore.Bench.E2E over the E2E harness); sizes can be overridden for a quick try.
e2e_dll=tests/SegRestore.Bench.E2E/bin/Release/net10.0/SegRestore.Bench.E2E.dll
overhead_cmd="dotnet $e2e_dll --scenario overhead --repetitions ${BENCH_OVERHEAD_REPETITIONS:-3} --output .tmp/bench/overhead.md"
handoff_cmd="dotnet $e2e_dll --scenario handoff --chains ${BENCH_HANDOFF_CHAINS:-40} --segments 5 --parallel ${BENCH_HANDOFF_PARALLEL:-4} --output .tmp/bench/handoff.md"
scale_cmd="dotnet $e2e_dll --scenario scale --chains ${BENCH_SCALE_CHAINS:-200} --segments 3 --timeout-minutes ${BENCH_SCALE_TIMEOUT_MINUTES:-60} --output .tmp/bench/scale.md"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release tests/SegRestore.Bench.E2E -nologo -v q
# Each scenario's section is written even when a goal is missed; a scenario that cannot run at all says so.
run_scenario() {
  local name="$1" cmd="$2"
  local started; started=$(date +%s)
  local rc=0
  rm -f ".tmp/bench/$name.md"
  eval "$cmd" > ".tmp/bench/$name.log" 2>&1 || rc=$?
  if [ "$rc" != 0 ] || [ ! -s ".tmp/bench/$name.md" ]; then
    { echo "The run did not complete (exit code $rc); the end of its log:"; echo; echo '```'; tail -n 30 ".tmp/bench/$name.log"; echo '```'; } > ".tmp/bench/$name.md"
  fi
  echo "bench: $name took $(( $(date +%s) - started )) s"
  echo "$(( $(date +%s) - started ))" > ".tmp/bench/$name.seconds"
}
run_scenario overhead "$overhead_cmd"
run_scenario handoff "$handoff_cmd"
run_scenario scale "$scale_cmd"
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
  echo "Every goal of issue 11 item 4, with its verdict, is in the table of its section. The three whole-system"
  echo "scenarios run the E2E harness: LocalCluster in-process with the process kubelet (real worker and BR-simulator"
  echo "processes), fake PDs, and the operator as a real process (tests/SegRestore.Bench.E2E, see docs/benchmarks-method.md)."
  echo
  echo "## Goals at a glance"
  echo
  echo "| Goal | Target | Measured | Verdict |"
  echo "|---|---|---|---|"
  grep -h -E '^\| .* \| (met|\*\*not met\*\*) \|$' .tmp/bench/overhead.md .tmp/bench/handoff.md .tmp/bench/scale.md || echo "| (no scenario produced a verdict) | | | |"
  echo
  echo "## (1) Overhead: a 5-segment chain through the operator vs. a plain script"
  echo
  echo "Command: \`$overhead_cmd\` ($(cat .tmp/bench/overhead.seconds) s)"
  echo
  cat .tmp/bench/overhead.md
  echo
  echo "## (2) Hand-off latency"
  echo
  echo "Command: \`$handoff_cmd\` ($(cat .tmp/bench/handoff.seconds) s)"
  echo
  cat .tmp/bench/handoff.md
  echo
  echo "## (3) Scale: ${BENCH_SCALE_CHAINS:-200} chains x 3 segments at once"
  echo
  echo "Command: \`$scale_cmd\` ($(cat .tmp/bench/scale.seconds) s)"
  echo
  cat .tmp/bench/scale.md
  echo
  echo "## (5) BR output parser (lines per second = Op/s)"
  echo
  echo "Command: \`$parser_cmd\`"
  echo
  cat "$report"
  echo
  echo "## (4) Ledger: a 64 MiB checkpoint set, commit and read (MB/s)"
  echo
  echo "Command: \`$ledger_cmd\` (PostgreSQL from tests/setup/pg.sh, SQLite in a temporary file; the 'ConfigMap (in-memory store)'"
  echo "row measures encoding, hashing and sharding over an in-memory ConfigMap double; the LocalCluster row adds a real"
  echo "HTTP API server but still no etcd, so a real cluster is slower)."
  echo
  cat .tmp/bench/ledger.md
} > "$out"
echo "bench: wrote $out"
