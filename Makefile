# gongkai — build, run on the sample county, test.
GO      ?= go
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
BIN     := bin/gongkai
SAMPLE  := testdata/sample

.PHONY: build run test lint sample clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/gongkai

# The main job on the bundled sample county: outputs in ./out/<year>/.
run: build
	./$(BIN) run --inbox $(SAMPLE)/inbox --out out --settle 0

test:
	$(GO) test -count=1 ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Regenerate the committed sample county (review the diff of truth.json).
sample: build
	rm -rf $(SAMPLE)
	./$(BIN) gen --out $(SAMPLE) --seed 2025 --units 15 --rows 40

clean:
	rm -rf bin out
