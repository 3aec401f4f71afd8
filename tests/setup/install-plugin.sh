#!/usr/bin/env bash
# `make plugin`: builds the CLI and installs kubectl-segrestore into $PREFIX (default ~/.local/bin), a two-line
# wrapper that runs the built CLI, so `kubectl segrestore status` works (kubectl finds plugins on PATH by name).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
prefix="${PREFIX:-}"
[ -n "$prefix" ] || prefix="$HOME/.local/bin"
dotnet build "$root/src/SegRestore.Cli" -c "$configuration" -nologo -clp:ErrorsOnly >/dev/null
dll="$root/src/SegRestore.Cli/bin/$configuration/net10.0/segrestore.dll"
mkdir -p "$prefix"
target="$prefix/kubectl-segrestore"
printf '#!/bin/sh\nSEGRESTORE_KUBECTL_PLUGIN=1 exec dotnet "%s" "$@"\n' "$dll" >"$target"
chmod 755 "$target"
echo "installed $target -> $dll"
case ":$PATH:" in
  *":$prefix:"*) echo "try: kubectl segrestore status" ;;
  *) echo "add $prefix to PATH, then: kubectl segrestore status" ;;
esac
