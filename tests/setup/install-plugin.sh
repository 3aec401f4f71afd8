#!/usr/bin/env bash
# `make plugin`: installs `segrestore` and `kubectl-segrestore` into $PREFIX (default ~/.local/bin), so
# `segrestore status` and `kubectl segrestore status` work (kubectl finds plugins on PATH by name).
# - artifacts/publish/cli/segrestore (`make publish`: one self-contained file) exists: it is copied, and
#   kubectl-segrestore is a two-line wrapper that runs it with SEGRESTORE_KUBECTL_PLUGIN=1.
# - otherwise it is published first (a few minutes, once); with NO_BUILD=1 (the test of this script, inside
#   `make test`) nothing is built: both are wrappers that run the framework-dependent build with `dotnet`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
configuration="${CONFIGURATION:-Debug}"
prefix="${PREFIX:-}"
[ -n "$prefix" ] || prefix="$HOME/.local/bin"
published="$root/artifacts/publish/cli/segrestore"
dll="$root/src/SegRestore.Cli/bin/$configuration/net10.0/segrestore.dll"
mkdir -p "$prefix"

if [ ! -x "$published" ] && [ "${NO_BUILD:-}" != 1 ]; then
  echo "plugin: publishing the single-file CLI into $(dirname "$published") (once)"
  dotnet publish "$root/src/SegRestore.Cli/SegRestore.Cli.csproj" -c Release -r linux-x64 --self-contained -nologo \
    -clp:ErrorsOnly -o "$(dirname "$published")" >/dev/null
fi

if [ -x "$published" ] && [ "${NO_BUILD:-}" != 1 ]; then
  install -m 755 "$published" "$prefix/segrestore"
  run="\"$prefix/segrestore\""
  source="$published"
else
  [ -f "$dll" ] || { echo "plugin: $dll is missing; build src/SegRestore.Cli first (or run \`make publish\`)" >&2; exit 1; }
  printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$dll" >"$prefix/segrestore"
  chmod 755 "$prefix/segrestore"
  run="dotnet \"$dll\""
  source="$dll"
fi

printf '#!/bin/sh\nSEGRESTORE_KUBECTL_PLUGIN=1 exec %s "$@"\n' "$run" >"$prefix/kubectl-segrestore"
chmod 755 "$prefix/kubectl-segrestore"
echo "installed $prefix/segrestore and $prefix/kubectl-segrestore -> $source"
case ":$PATH:" in
  *":$prefix:"*) echo "try: segrestore status; kubectl segrestore status" ;;
  *) echo "add $prefix to PATH (export PATH=\"$prefix:\$PATH\"), then: segrestore status" ;;
esac
