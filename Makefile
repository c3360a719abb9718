# Kokmeal: the two commands are `make run` and `make test`.
GO      ?= go
PKGS    ?= ./...
WIRE    := $(GO) tool wire

.DEFAULT_GOAL := help
.PHONY: help run test check core-deps vet fmt generate wire-check build bench fuzz migrate compose-check clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

run: ## serve the gateway on :8000 with the embedded default (SQLite under ./var)
	$(GO) run ./hosts/gateway

test: ## vet and every test with -race (CI=true makes missing databases a failure)
	$(GO) vet $(PKGS)
	$(GO) test -race -count=1 $(PKGS)

check: fmt vet wire-check core-deps ## formatting, vet, wire_gen.go up to date, core on the standard library only

core-deps:
	@bad=$$($(GO) list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./core/... | grep -v '^github.com/kokmeal/kokmeal/core'); \
	  if [ -n "$$bad" ]; then echo "core/ imports outside the standard library:"; echo "$$bad"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

generate: ## regenerate wire_gen.go and other generated files
	$(GO) generate ./...

wire-check: ## fail when wire_gen.go is stale
	@$(WIRE) diff ./wire || (echo "wire_gen.go is stale: run make generate"; exit 1)

build: ## build every host into ./bin
	@mkdir -p bin
	$(GO) build -o bin/ ./hosts/...

bench: ## benchmarks with figures (no timed assertions)
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

fuzz: ## a short fuzz run of each fuzz target
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime 30s ./adapters/http/kit/

migrate: ## migrate both databases up (KOKMEAL_MAIN_DSN / KOKMEAL_LOG_DSN)
	$(GO) run ./hosts/kokmeal migrate up

compose-check: ## validate docker-compose.yml (docker compose plugin, or Debian's docker-compose)
	@if docker compose version >/dev/null 2>&1; then KOKMEAL_JWT_SECRET=check docker compose config --quiet; \
	elif command -v docker-compose >/dev/null; then KOKMEAL_JWT_SECRET=check docker-compose config -q; \
	else echo "no docker compose here: apt-get install docker-compose to validate"; exit 1; fi && echo "docker-compose.yml is valid"

clean:
	rm -rf bin var
