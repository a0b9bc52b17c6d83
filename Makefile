# press — the publishing pipeline of 郑州市信息化促进会.
#   make site    build the bundled site into public/ (installs what is missing)
#   make test    run every test (installs what is missing)
#   make bench   benchmarks: press vs plain Hugo, the typesetter, the data layer
#   make fuzz    every fuzz target for FUZZTIME (60s) each
GO      ?= go
BIN     := bin
PRESS   := $(BIN)/press
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/zzia/press/internal/cli.Version=$(VERSION)
BROWSER := tests/browser

# Hugo's deploy (press deploy to object storage) is compiled in only with the
# withdeploy build tag: every go command make runs gets it (build, vet, test, run).
GOFLAGS += -tags=withdeploy

# press embeds Hugo with fixes to its partial rebuild (internal/hugopatch: sections taken for
# changed; a costly dependency check). Every go command make runs builds with .build/press.mod: go.mod
# with Hugo's module replaced by a patched copy of it, made by hugopatch under .build/.
PATCHED := .build/press.mod
GOFLAGS += -modfile=$(CURDIR)/$(PATCHED)
export GOFLAGS

# The deploy tests' S3 server: SeaweedFS's weed, built from its Go module into
# a cache outside the repository (its go.mod has replace directives, so
# `go install module@version` refuses it: it is built in the module's directory).
WEED_MODULE  := github.com/seaweedfs/seaweedfs
WEED_VERSION := v0.0.0-20261109003541-7506e5f91cd6
TOOLS        ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/press/tools
WEED         := $(TOOLS)/weed-$(WEED_VERSION)

.PHONY: all site test bench fuzz deps packages test-packages bench-packages browser-deps test-servers press hugo clean vet

all: press

## deps: install what press and its tests need and is missing: the Debian packages
##   (fonts; poppler-utils, chromium) and the browser tests' tools (browser-deps)
deps: packages test-packages browser-deps test-servers

## packages: the Debian packages the site needs (scripts/debian-packages.txt: fonts)
packages:
	@./scripts/ensure-packages scripts/debian-packages.txt

## test-packages: the Debian packages the tests need besides (scripts/debian-packages-test.txt)
test-packages:
	@./scripts/ensure-packages scripts/debian-packages-test.txt

## browser-deps: the tools of the browser tests (internal/e2e) besides chromium:
##   a Java runtime for the Nu HTML checker, and axe-core and vnu-jar (npm ci in tests/browser;
##   install scripts off: vnu-jar's would download a Java runtime)
browser-deps: test-packages $(BROWSER)/node_modules/.package-lock.json
	@command -v java >/dev/null 2>&1 || ./scripts/ensure-packages default-jre-headless

$(BROWSER)/node_modules/.package-lock.json: $(BROWSER)/package.json $(BROWSER)/package-lock.json
	@command -v npm >/dev/null 2>&1 || ./scripts/ensure-packages npm
	cd $(BROWSER) && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

## test-servers: the real servers of the deploy tests (internal/deploy): OpenSSH's sshd
##   (Debian openssh-server, in scripts/debian-packages-test.txt) and SeaweedFS's weed
##   (S3 gateway), built once into $(TOOLS) (a cold build takes several minutes)
test-servers: test-packages $(WEED)

$(WEED):
	@mkdir -p $(TOOLS)
	@echo "building SeaweedFS weed $(WEED_VERSION), the deploy tests' S3 server, into $(TOOLS) (once)"
	cd "$$(cd $(TOOLS) && GOFLAGS= $(GO) mod download -json $(WEED_MODULE)@$(WEED_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p')" && \
		GOFLAGS=-buildvcs=false $(GO) build -trimpath -ldflags='-s -w' -o $@.tmp ./weed
	@mv $@.tmp $@

## $(PATCHED): the patched copy of Hugo and the go.mod that uses it (plain go.mod: the tool
##   itself needs no Hugo), made again when go.mod, go.sum or the patch change
$(PATCHED): go.mod go.sum $(wildcard internal/hugopatch/*.go internal/hugopatch/cmd/hugopatch/*.go)
	GOFLAGS=-buildvcs=false $(GO) run ./internal/hugopatch/cmd/hugopatch .build
	@touch $@

## press: build the press binary into bin/
press: $(PATCHED)
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(PRESS) ./cmd/press

## site: build the association's site into public/
site: packages press
	./$(PRESS) build

## test: every test, including the fuzz seeds and the browser tests (internal/e2e:
##   headless Chromium, axe-core, the Nu HTML checker over every page)
test: deps $(PATCHED)
	$(GO) vet ./...
	PRESS_WEED=$(WEED) $(GO) test -count=1 -timeout 40m ./...

## hugo: plain Hugo for the comparison benchmarks: the version press embeds (read from go.mod),
##   built from Hugo's own module at that version, with deploy (GOFLAGS) for the deploy benchmark
##   (unpatched: GOFLAGS without the -modfile)
HUGO_VERSION = $(shell GOFLAGS= $(GO) list -m -f '{{.Version}}' github.com/gohugoio/hugo)
hugo:
	GOBIN=$(CURDIR)/$(BIN) GOFLAGS=-tags=withdeploy $(GO) install github.com/gohugoio/hugo@$(HUGO_VERSION)

## bench: every benchmark, with the figures the issues ask for
##   - the site: press vs plain Hugo v0.165.0 on synthetic sites of 1,000 and 10,000 articles
##   - the edit loop: one article edited → rebuilt, press serve vs hugo server (plain Hugo,
##     in memory, every affected page rendered) on 1,000 and 10,000 articles and the bundled site
##   - the member data: a site with and without 5,000 members and 2,000 activities
##   - the typesetter: press pdf on a 100-page A4 Chinese document (pages/s, peak memory),
##     and against Typst's warm in-process compile of the same text (npm package, pinned)
##   - the Go benchmarks: publications cold/warm/one changed, search index, history vs git log, data load/derive
##   - press deploy of the bundled site vs hugo deploy (S3, SeaweedFS) and rsync over SSH (OpenSSH):
##     first deploy, unchanged, one article changed
bench: packages bench-packages test-servers press hugo $(PATCHED)
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -hugo $(BIN)/hugo -pages 1000,10000
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -hugo $(BIN)/hugo -serve 1000,10000 -bundled .
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -members 5000,2000
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -pdf
	cd internal/bench/cmd/pdfbench/typst && npm ci --no-audit --no-fund
	$(GO) run ./internal/bench/cmd/pdfbench -press $(PRESS)
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...
	PRESS_HISTORY_BENCH=1 $(GO) test -count=1 -run TestBenchmarkFigures -v ./internal/history
	PRESS_DEPLOY_BENCH=1 PRESS_HUGO=$(CURDIR)/$(BIN)/hugo PRESS_WEED=$(WEED) $(GO) test -count=1 -run TestDeployFigures -v -timeout 30m ./internal/deploy

## bench-packages: the Debian packages the benchmarks need besides (scripts/debian-packages-bench.txt: rsync)
bench-packages:
	@./scripts/ensure-packages scripts/debian-packages-bench.txt

## fuzz: run every fuzz target (func FuzzXxx) for FUZZTIME each, one after the other;
##   a failing input lands in the package's testdata/fuzz/ and is a seed from then on
FUZZTIME ?= 60s
fuzz: packages $(PATCHED)
	./scripts/fuzz $(FUZZTIME)

clean:
	rm -rf $(BIN) public .build
