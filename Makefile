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

.PHONY: all site test bench fuzz deps packages test-packages browser-deps press hugo clean vet

all: press

## deps: install what press and its tests need and is missing: the Debian packages
##   (fonts; poppler-utils, chromium) and the browser tests' tools (browser-deps)
deps: packages test-packages browser-deps

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

## press: build the press binary into bin/
press:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(PRESS) ./cmd/press

## site: build the association's site into public/
site: packages press
	./$(PRESS) build

## test: every test, including the fuzz seeds and the browser tests (internal/e2e:
##   headless Chromium, axe-core, the Nu HTML checker over every page)
test: deps
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 40m ./...

## fuzz: run the fuzz targets for 60 s each (their seed corpora run with make test)
fuzz: packages
	$(GO) test -run '^$$' -fuzz '^FuzzTypeset$$' -fuzztime 60s ./internal/pdf

## hugo: plain Hugo v0.165.0 (the version press embeds) for the comparison benchmark
hugo:
	$(GO) build -o $(BIN)/hugo github.com/gohugoio/hugo   # a tool in go.mod: the same version press embeds

## bench: every benchmark, with the figures the issues ask for
##   - the site: press vs plain Hugo v0.165.0 on synthetic sites of 1,000 and 10,000 articles
##   - the member data: a site with and without 5,000 members and 2,000 activities
##   - the typesetter: press pdf on a 100-page A4 Chinese document (pages/s, peak memory),
##     and against Typst's warm in-process compile of the same text (npm package, pinned)
##   - the Go benchmarks: publications cold/warm/one changed, search index, history vs git log, data load/derive
bench: packages press hugo
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -hugo $(BIN)/hugo -pages 1000,10000
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -members 5000,2000
	$(GO) run ./internal/bench/cmd/sitebench -press $(PRESS) -pdf
	cd internal/typeset/cmd/pdfbench/typst && npm ci --no-audit --no-fund
	$(GO) run ./internal/typeset/cmd/pdfbench -press $(PRESS)
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./...
	PRESS_HISTORY_BENCH=1 $(GO) test -count=1 -run TestBenchmarkFigures -v ./internal/history

## fuzz: run every fuzz target (func FuzzXxx) for FUZZTIME each, one after the other;
##   a failing input lands in the package's testdata/fuzz/ and is a seed from then on
FUZZTIME ?= 60s
fuzz:
	./scripts/fuzz $(FUZZTIME)

clean:
	rm -rf $(BIN) public
