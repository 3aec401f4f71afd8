#!/usr/bin/env bash
# `make plugin`: builds the CLI and installs kubectl-segrestore into $PREFIX (default ~/.local/bin), a two-line
# wrapper that runs the built CLI, so `kubectl segrestore status` works (kubectl finds plugins on PATH by name).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
prefix="${PREFIX:-}"
[ -n "$prefix" ] || prefix="$HOME/.local/bin"
dll="$root/src/SegRestore.Cli/bin/$configuration/net10.0/segrestore.dll"
# NO_BUILD=1: the CLI is already built (the test of this script runs inside `make test`, after the build).
if [ "${NO_BUILD:-}" != 1 ]; then
  dotnet build "$root/src/SegRestore.Cli" -c "$configuration" -nologo -clp:ErrorsOnly >/dev/null
fi
[ -f "$dll" ] || { echo "plugin: $dll is missing; build src/SegRestore.Cli first" >&2; exit 1; }
mkdir -p "$prefix"
target="$prefix/kubectl-segrestore"
printf '#!/bin/sh\nSEGRESTORE_KUBECTL_PLUGIN=1 exec dotnet "%s" "$@"\n' "$dll" >"$target"
chmod 755 "$target"
echo "installed $target -> $dll"
case ":$PATH:" in
  *":$prefix:"*) echo "try: kubectl segrestore status" ;;
  *) echo "add $prefix to PATH, then: kubectl segrestore status" ;;
esac
