# Kokmeal: the two commands are `make run` and `make test`.
GO      ?= go
PKGS    ?= ./...
WIRE    := $(GO) tool wire

.DEFAULT_GOAL := help
.PHONY: help run test check core-deps vet fmt generate wire-check build bench bench-go bench-http seed fuzz migrate compose-check clean

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

BENCH_PKGS ?= ./core/korean/ ./core/recipe/ ./core/homeshopping/ ./adapters/memory/ ./adapters/http/recipeapi/

bench: bench-go bench-http ## in-process benchmarks, then the HTTP load run (figures, no timed assertions)

bench-go: ## product search at 100k, by-ingredients at 50k recipes, schedules: p50, p99, allocations
	$(GO) test -run '^$$' -bench . -benchmem $(BENCH_PKGS)

bench-http: ## wrk at 64 connections against the gateway on SQLite: recipe detail, product search, schedule
	@command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
	bash bench/http.sh

FUZZTIME ?= 20s
FUZZ_TARGETS := FuzzDecode:./adapters/http/kit/ FuzzParseAmount:./core/recipe/ FuzzIngredientKey:./core/recipe/ \
	FuzzParseMinutes:./core/recipe/ FuzzQueries:./core/recipe/ FuzzSearch:./core/korean/ FuzzChoseong:./core/korean/ \
	FuzzSearch:./core/kok/ FuzzQueries:./core/homeshopping/

fuzz: ## a short run (FUZZTIME) of every fuzz target
	@for t in $(FUZZ_TARGETS); do echo "== $${t%%:*} $${t#*:}"; \
	  $(GO) test -run '^$$' -fuzz "^$${t%%:*}$$" -fuzztime $(FUZZTIME) "$${t#*:}" || exit 1; done

seed: ## load the demo data (SEED_ARGS="--products 100000" scales it)
	$(GO) run ./hosts/kokmeal seed $(SEED_ARGS)

migrate: ## migrate both databases up (KOKMEAL_MAIN_DSN / KOKMEAL_LOG_DSN)
	$(GO) run ./hosts/kokmeal migrate up

compose-check: ## validate docker-compose.yml (docker compose plugin, or Debian's docker-compose)
	@if docker compose version >/dev/null 2>&1; then KOKMEAL_JWT_SECRET=check docker compose config --quiet; \
	elif command -v docker-compose >/dev/null; then KOKMEAL_JWT_SECRET=check docker-compose config -q; \
	else echo "no docker compose here: apt-get install docker-compose to validate"; exit 1; fi && echo "docker-compose.yml is valid"

clean:
	rm -rf bin var
