#!/usr/bin/env bash
# `make bench`: runs the benchmarks and writes docs/BENCHMARKS.md with the machine, the date, the commands and the
# numbers. Speed targets are measured here, never by timed unit tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mkdir -p .tmp/bench
out=docs/BENCHMARKS.md
# In-process: BenchmarkDotNet's generated project must otherwise build within 2 minutes, which a loaded box misses.
parser_cmd="dotnet run -c Release --project tests/SegRestore.Benchmarks -- --filter '*' --inProcess ${BENCH_PARSER_JOB:+--job $BENCH_PARSER_JOB}"
ledger_cmd="dotnet run -c Release --project tests/SegRestore.Store.CrashWriter -- bench --mib 64 --output .tmp/bench/ledger.md"

# Whole-system scenarios (tests/SegRestore.Bench.E2E over the E2E harness); sizes can be overridden for a quick try.
e2e_dll=tests/SegRestore.Bench.E2E/bin/Release/net10.0/SegRestore.Bench.E2E.dll
overhead_cmd="dotnet $e2e_dll --scenario overhead --repetitions ${BENCH_OVERHEAD_REPETITIONS:-3} --output .tmp/bench/overhead.md"
handoff_cmd="dotnet $e2e_dll --scenario handoff --chains ${BENCH_HANDOFF_CHAINS:-40} --segments 5 --parallel ${BENCH_HANDOFF_PARALLEL:-4} --output .tmp/bench/handoff.md"
worker_start_cmd="dotnet $e2e_dll --scenario worker-start --chains ${BENCH_WORKER_START_CHAINS:-4} --segments 5 --r2r-worker .tmp/bench/worker-r2r/SegRestore.Worker.dll --output .tmp/bench/worker-start.md"
scale_cmd="dotnet $e2e_dll --scenario scale --chains ${BENCH_SCALE_CHAINS:-200} --segments 3 --timeout-minutes ${BENCH_SCALE_TIMEOUT_MINUTES:-60} --output .tmp/bench/scale.md"

# Every fake PD is a small gRPC host; without this each would watch its (absent) appsettings.json with an inotify
# instance, and 200 of them exceed the default limit of 128.
export DOTNET_hostBuilder__reloadConfigOnChange=false

cut -d' ' -f1-3 /proc/loadavg > .tmp/bench/load-before
dotnet build -c Release tests/SegRestore.Bench.E2E -nologo -v q
# The worker as `make publish` ships it (ReadyToRun), beside the build output, for the worker-start scenario.
dotnet publish src/SegRestore.Worker -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o .tmp/bench/worker-r2r -nologo -v q
# Every scenario but worker-start (which compares both) runs the worker as it ships.
export SEGRESTORE_BENCH_WORKER="$root/.tmp/bench/worker-r2r/SegRestore.Worker.dll"
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
run_scenario worker-start "$worker_start_cmd"
run_scenario scale "$scale_cmd"
eval "$parser_cmd" | tee .tmp/bench/parser.log

started_pg=0
if [ -z "${SEGRESTORE_TEST_PG:-}" ]; then
  tests/setup/pg.sh start
  started_pg=1
  set -a; . .tmp/pg.env; set +a
fi
trap '[ "$started_pg" = 1 ] && tests/setup/pg.sh stop' EXIT
eval "$ledger_cmd" | tee .tmp/bench/ledger.log
cut -d' ' -f1-3 /proc/loadavg > .tmp/bench/load-after
{
  echo "overhead_cmd=$(printf %q "$overhead_cmd")"
  echo "handoff_cmd=$(printf %q "$handoff_cmd")"
  echo "worker_start_cmd=$(printf %q "$worker_start_cmd")"
  echo "scale_cmd=$(printf %q "$scale_cmd")"
  echo "parser_cmd=$(printf %q "$parser_cmd")"
  echo "ledger_cmd=$(printf %q "$ledger_cmd")"
} > .tmp/bench/commands.env
tests/setup/bench-report.sh
