#!/usr/bin/env bash
# `make test`: install what is missing, build, check formatting, start PostgreSQL and MariaDB, run every test
# project, stop both servers (always), and print one closing line with the totals.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mkdir -p .tmp

tests/setup/deps.sh
dotnet build SegRestore.sln -c "${CONFIGURATION:-Debug}" -nologo -clp:ErrorsOnly
echo "format: dotnet format --verify-no-changes"
dotnet format SegRestore.sln --verify-no-changes --no-restore \
  || { echo "format: FAILED: run 'make fmt' and commit the result" >&2; exit 1; }

# One trap stops both servers, whichever of them started.
trap 'tests/setup/mysql.sh stop; tests/setup/pg.sh stop' EXIT
tests/setup/pg.sh start
tests/setup/mysql.sh start
set -a; . .tmp/pg.env; . .tmp/mysql.env; set +a

log=.tmp/test.log
status=0
dotnet test SegRestore.sln -c "${CONFIGURATION:-Debug}" --no-build -nologo \
  --blame-hang-timeout 5m 2>&1 | tee "$log" || status=$?
tests/setup/summary.sh "$log"
exit "$status"
