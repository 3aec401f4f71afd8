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

## With KUBECONFIG: the operator against that cluster. Without: the embedded LocalCluster with the CRD applied.
run:
	CONFIGURATION=$(CONFIGURATION) tests/setup/run-local.sh

## Regenerates crds/ from the C# types (a test fails when the committed file is stale).
crds:
	$(CLI) crd --output crds

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

## The Kubernetes contract suite against a real cluster (needs KUBECONFIG).
contract-real:
	@test -n "$$KUBECONFIG" || { echo "contract-real: set KUBECONFIG to a real cluster's kubeconfig" >&2; exit 1; }
	$(DOTNET) test tests/SegRestore.LocalCluster.Tests -c $(CONFIGURATION) --filter Category=Contract
