# SegRestore — see README.md. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Debug
CLI := $(DOTNET) run --project src/SegRestore.Cli -c $(CONFIGURATION) --no-launch-profile --

.PHONY: build test run crds fmt clean deps bench contract-real

build:
	$(DOTNET) build SegRestore.sln -c $(CONFIGURATION) -nologo

## Everything: installs what is missing (Debian packages, npm), builds, checks formatting, starts PostgreSQL, tests.
test:
	CONFIGURATION=$(CONFIGURATION) tests/setup/test.sh

deps:
	tests/setup/deps.sh

## With KUBECONFIG: the operator against that cluster. Without: LocalCluster + fake PD + SIMULATED BR + the operator.
run:
	CONFIGURATION=$(CONFIGURATION) tests/setup/run-local.sh

.PHONY: demo plugin

## Applies config/samples/local-demo/ to `make run`'s cluster (starting one if none answers) and watches it finalize.
demo:
	CONFIGURATION=$(CONFIGURATION) tests/setup/demo.sh

## Installs `segrestore` and `kubectl segrestore` into PREFIX (default ~/.local/bin): the single-file CLI of
## `make publish` when it exists, else wrappers that run the built CLI.
plugin:
	CONFIGURATION=$(CONFIGURATION) PREFIX="$(PREFIX)" tests/setup/install-plugin.sh

## Regenerates crds/ from the C# types and copies it into the Helm chart (tests fail when either is stale).
crds:
	$(CLI) crd --output crds
	mkdir -p charts/segrestore/crds
	cp crds/*.yaml charts/segrestore/crds/

.PHONY: manifests publish

## Regenerates config/ (namespace, RBAC, operator) and the chart's generated RBAC rules from the operator's code.
manifests:
	$(CLI) manifests --output config --chart charts/segrestore

## Self-contained linux-x64 builds of the operator and the worker, which docker/*.Dockerfile copy, and the CLI as one
## self-contained file, artifacts/publish/cli/segrestore (copy it onto PATH; `make plugin` installs from it).
PUBLISH_DIR := artifacts/publish
publish:
	rm -rf $(PUBLISH_DIR)/operator $(PUBLISH_DIR)/worker $(PUBLISH_DIR)/cli
	$(DOTNET) publish src/SegRestore.Operator/SegRestore.Operator.csproj -c Release -r linux-x64 --self-contained -nologo -o $(PUBLISH_DIR)/operator
	$(DOTNET) publish src/SegRestore.Worker/SegRestore.Worker.csproj -c Release -r linux-x64 --self-contained -nologo -o $(PUBLISH_DIR)/worker
	$(DOTNET) publish src/SegRestore.Cli/SegRestore.Cli.csproj -c Release -r linux-x64 --self-contained -nologo -o $(PUBLISH_DIR)/cli

fmt:
	$(DOTNET) format SegRestore.sln

clean:
	$(DOTNET) clean SegRestore.sln -nologo -v q
	rm -rf .tmp artifacts TestResults tests/interop/node_modules
	find . -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

## Benchmarks: overhead vs. a plain script, hand-off latency, scale (operator on LocalCluster), ledger MB/s and BR output
## parser lines/s, written to docs/BENCHMARKS.md with machine, date, commands, numbers and goal verdicts. Not part of `test`.
bench:
	tests/setup/bench.sh

## The Kubernetes contract suite against a real cluster (needs KUBECONFIG), the Python client suite
## (tests/interop/kube-contract.py, PythonClientContractTests) included; that one also runs alone:
## tests/interop/kube-contract.py --kubeconfig "$KUBECONFIG".
contract-real:
	@test -n "$$KUBECONFIG" || { echo "contract-real: set KUBECONFIG to a real cluster's kubeconfig" >&2; exit 1; }
	$(DOTNET) test tests/SegRestore.LocalCluster.Tests -c $(CONFIGURATION) --filter Category=Contract

## The long chaos run (docs/chaos.md): 20 chains x 4 segments per ledger variant (ConfigMap, PostgreSQL) under kills
## and API/ledger faults. CHAOS_CHAINS, CHAOS_SEGMENTS and CHAOS_SEED override the size and replay a schedule.
.PHONY: chaos
chaos:
	tests/setup/deps.sh
	$(DOTNET) build tests/SegRestore.Chaos.Tests -c $(CONFIGURATION) -nologo -clp:ErrorsOnly
	CHAOS_CHAINS=$${CHAOS_CHAINS:-20} CHAOS_SEGMENTS=$${CHAOS_SEGMENTS:-4} $(DOTNET) test tests/SegRestore.Chaos.Tests \
	  -c $(CONFIGURATION) --no-build -nologo --filter Category=Chaos --logger "console;verbosity=detailed"
