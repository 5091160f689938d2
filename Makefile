# cloudcontract: contract tests and record/replay for cloud management REST APIs.
GO      ?= go
CC      := $(GO) run ./cmd/cloudcontract
APIS    ?= all

.PHONY: all build suites replay live rerun record test unit check fmt vet lint openapi generate scan coverage mutate clean help

all: check test

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

build: ## build bin/cloudcontract
	$(GO) build -o bin/cloudcontract ./cmd/cloudcontract

suites replay: ## replay every suite from the committed cassettes (offline)
	$(CC) run --api $(APIS)

live: ## run every suite live against fresh in-process simulators, with each data set
	$(CC) run --api $(APIS) --target sim --concurrency 4
	$(CC) run --api $(APIS) --target sim --concurrency 4 --sim-dataset second

rerun: ## three live runs of every suite against one simulate process per API and data set
	APIS=$(APIS) scripts/rerun.sh

record: ## re-record the cassettes from fresh simulators
	$(CC) run --api $(APIS) --target sim --record

lint: ## every contract example against its schema; every cassette against the current contract; generated features up to date
	$(CC) lint --api $(APIS)
	$(CC) generate --api $(APIS) --check

openapi: ## every spec passes Redocly's recommended lint and loads unpatched in Redocly's bundler and Prism's mock (npm, pinned in tools/openapi)
	scripts/openapi-tools.sh

generate: ## write features/<api>/generated.feature from each contract and its specs/<api>/negative.yaml
	$(CC) generate --api $(APIS)

scan: ## fail on anything in cassettes/ that looks like a credential
	$(CC) cassettes scan cassettes

coverage: ## operations, statuses, REASON codes and callbacks exercised by the cassettes (JSON in reports/)
	@mkdir -p reports
	$(CC) coverage --api $(APIS) --json reports/coverage.json

mutate: ## suite strength: break replayed responses one at a time; list the breaks no scenario notices (JSON in reports/)
	@mkdir -p reports
	$(CC) mutate --api $(APIS) --json reports/mutate.json

fmt: ## gofmt the tree
	gofmt -w $$(git ls-files '*.go')

vet: ## go vet
	$(GO) vet ./...

check: ## gofmt and go vet must be clean
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit: ## go test -race ./... (live, record/replay and canary tests against the simulators), then the fault matrix
	$(GO) test -race -short -count=1 -timeout 30m ./...
	$(GO) test -count=1 -timeout 30m -run TestEveryFaultIsCaught ./harness/e2e
	$(GO) test -count=1 -timeout 30m -run 'TestShardsMergeIntoOneRun|TestReRecordingChangesOnlyWhatTheAPIChanged' ./cmd/cloudcontract

test: unit lint openapi scan live rerun replay coverage mutate ## the whole test suite: unit tests, lint, other OpenAPI tools on the specs, live against simulators (both data sets, fresh and reused), offline replay, coverage, suite strength (no surviving mutant)

clean:
	rm -rf bin out reports

.PHONY: fuzz
# A count, not a duration: with a duration, Go 1.26's fuzz coordinator can report "context
# deadline exceeded" as a failure when the time runs out (go.dev/issue/75804).
FUZZTIME ?= 50000x
fuzz: ## a short run of every fuzz test (XML decoder, cassette reader, request matcher, recording comparison, JSON parser, format checks)
	$(GO) test -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./harness/xmlbody
	$(GO) test -run XXX -fuzz FuzzParseJSON -fuzztime $(FUZZTIME) ./harness/validate
	$(GO) test -run XXX -fuzz FuzzPlainFormats -fuzztime $(FUZZTIME) ./harness/spec
	$(GO) test -run XXX -fuzz FuzzReadRecording -fuzztime $(FUZZTIME) ./harness/vcr
	$(GO) test -run XXX -fuzz FuzzMatch -fuzztime $(FUZZTIME) ./harness/vcr
	$(GO) test -run XXX -fuzz FuzzCompare -fuzztime $(FUZZTIME) ./harness/vcr

.PHONY: determinism
REPLAYS ?= 100
determinism: ## replay every suite $(REPLAYS) times in random order, under -race
	$(GO) test -race -count=1 -timeout 60m -run TestReplayIsDeterministic ./harness/e2e -replays $(REPLAYS)

.PHONY: bench-go
bench-go: ## Go benchmarks: validation (vs bare kin-openapi), spec and cassette loading, replay, simulators
	$(GO) test -run XXX -bench . -benchmem ./harness/validate ./harness/spec ./harness/vcr ./harness/runner ./harness/sim/catalog

.PHONY: concurrency
concurrency: ## live runs overlap scenarios: sequential vs concurrent run time against a slow simulator
	scripts/concurrency.sh

.PHONY: bench
bench: ## replay time/CPU/RSS, and beside Dredd and Prism (npm, installed in .bench/): contract runs, simulator throughput
	scripts/bench.sh
