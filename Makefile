# gongkai — build, run on the sample county, test.
GO      ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
BIN     := bin/gongkai
SAMPLE  := testdata/sample
SCALE   ?= 1

.PHONY: build run test lint sample bench clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/gongkai

# The main job on the bundled sample county: outputs in ./out/<year>/.
run: build
	./$(BIN) run --inbox $(SAMPLE)/inbox --out out --settle 0

test:
	$(GO) test -count=1 ./...

# staticcheck, pinned, comes from the module proxy like the project's modules.
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Regenerate the committed sample county (review the diff of truth.json).
sample: build
	rm -rf $(SAMPLE)
	./$(BIN) gen --out $(SAMPLE) --seed 2025 --units 15 --rows 40

# The batch on a generated county of SCALE×300 workbooks (SCALE×600k ledger
# rows) against excelize's row iterator on the same files, in one run:
# rows/s, cells/s, peak memory, stage times, ratios (cmd/gongkai-bench).
bench:
	$(GO) build -o bin/gongkai-bench ./cmd/gongkai-bench
	./bin/gongkai-bench -scale $(SCALE)

clean:
	rm -rf bin out
