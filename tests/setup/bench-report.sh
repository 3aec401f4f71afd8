#!/usr/bin/env bash
# Writes docs/BENCHMARKS.md from the outputs bench.sh left in .tmp/bench (sections, timings, load, commands), so the
# document can be re-assembled after re-running one scenario by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out=docs/BENCHMARKS.md
. .tmp/bench/commands.env
report="$(ls -t tests/SegRestore.Benchmarks/bin/Release/net10.0/BenchmarkDotNet.Artifacts/results/*-report-github.md | head -n 1)"


{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (tests/setup/bench.sh). Numbers from one run; compare runs on the same machine only."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)"
  echo "- Load average (1/5/15 min) before: $(cat .tmp/bench/load-before); after: $(cat .tmp/bench/load-after)"
  echo
  echo "Every goal of issue [handoff] (and of issue 11 item 4 where [handoff] sets none), with its verdict, is in the table of its section. The three whole-system"
  echo "scenarios run the E2E harness: LocalCluster in-process with the process kubelet (real worker and BR-simulator"
  echo "processes), fake PDs, and the operator as a real process (tests/SegRestore.Bench.E2E, see docs/benchmarks-method.md)."
  echo
  echo "## Goals at a glance"
  echo
  echo "| Goal | Target | Measured | Verdict |"
  echo "|---|---|---|---|"
  grep -h -E '^\| .* \| (met|\*\*not met\*\*) \|$' .tmp/bench/overhead.md .tmp/bench/handoff.md .tmp/bench/worker-start.md .tmp/bench/scale.md || echo "| (no scenario produced a verdict) | | | |"
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
  echo "## (2b) Worker start: build output (JIT) vs ReadyToRun"
  echo
  echo "Command: \`$worker_start_cmd\` ($(cat .tmp/bench/worker-start.seconds 2>/dev/null || echo '?') s)"
  echo
  cat .tmp/bench/worker-start.md 2>/dev/null || echo "Not run."
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
