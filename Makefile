# aloud — see README.md. `make demo` narrates the sample article; `make test`
# runs every test (what CI runs).

GO        ?= go
SHELL     := /bin/bash
BIN       := bin/aloud
PACKAGES  := espeak-ng lame
TEST_PACKAGES := $(PACKAGES) ffmpeg mp3val mpg123 chromium gpodder
BENCH_PACKAGES := $(PACKAGES) ffmpeg time
# An execution count, not a duration: Go 1.26's fuzz coordinator can fail a
# duration-bounded run with a bare "context deadline exceeded" at the
# deadline, no crasher found (golang/go#75804, fixed in Go 1.27); a count
# has no deadline to race.
FUZZTIME  ?= 10000x
# Each input that finds new code is minimized before it is kept, by
# default for up to 60 s of runs: on a target as slow as the HTML
# extractor that took the whole run (5 inputs in 40 s against 19,000 with
# a bound of 100 runs).
FUZZMINIMIZE ?= 100x

.PHONY: all build demo deps test-deps test vet fmt-check staticcheck cross fuzz bench eval-extract eval-normalize renders clean

all: build

# -buildvcs=auto records the commit for aloud --version, also where GOFLAGS
# turns it off; outside a git checkout it records nothing and builds.
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/aloud

# deps installs the programs aloud runs: espeak-ng (the offline voice) and
# lame (the MP3 encoder). As root it uses apt-get; otherwise it says what to
# install.
deps:
	@missing=""; for p in $(PACKAGES); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing$$missing with apt-get"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing programs:$$missing"; \
			echo "Install them with:  sudo apt-get install$$missing   (Debian/Ubuntu)"; \
			echo "                or:  brew install$$missing           (macOS)"; \
			exit 1; \
		fi; \
	fi

test-deps:
	@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES)"

# The demo publishes as if out/ were served at http://127.0.0.1:8080, the
# address 'aloud player demo --serve' serves it at, so that every link in
# the feed is absolute and the feed passes aloud feed check.
DEMO_BASE_URL := http://127.0.0.1:8080

demo: deps build
	rm -rf out
	$(BIN) narrate --public-base-url $(DEMO_BASE_URL) examples/sample-article.html
	$(BIN) feed check
	@echo
	@echo "The narration, its manifest and the podcast feed are in out/:"
	@ls -l out
	@echo "Listen with:  mpg123 out/*.mp3   (or open the file in any player)"
	@echo "See the player on a page, and the feed at $(DEMO_BASE_URL)/feed.xml:  $(BIN) player demo --serve"

vet:
	$(GO) vet ./...

fmt-check:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# staticcheck finds unused code, wrong error strings and the like; the
# exact version, so that every machine reports the same.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
staticcheck:
	$(GO) run $(STATICCHECK) ./...

# cross builds the binary for the systems a newsroom runs it on, so that
# code for one system only (file locks) cannot break another unseen.
CROSS := linux/amd64 darwin/arm64 windows/amd64
cross:
	@set -e; for t in $(CROSS); do echo "build $$t"; GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) build -o /dev/null ./cmd/aloud; done

# An explicit limit for every go test run, well above what a busy 2-core
# machine needs (docs/BENCHMARKS.md), never Go's default of 10 minutes.
TEST_TIMEOUT ?= 25m

# test runs every test with the race detector, then a short run of every
# fuzz target. tools/testreport prints each package's result, the output of
# what failed, every skipped test with its reason, and the slowest packages.
test: test-deps vet fmt-check staticcheck cross
	set -o pipefail; $(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) -json ./... | $(GO) run ./tools/testreport
	$(MAKE) --no-print-directory fuzz

fuzz:
	@set -e; for spec in \
		./internal/mp3:FuzzParse \
		./internal/mp3:FuzzTags \
		./internal/mp3:FuzzXing \
		./internal/mp3:FuzzCRC16 \
		./internal/article:FuzzParseHTML \
		./internal/article:FuzzParseMarkdown \
		./internal/article:FuzzParseText \
		./internal/article:FuzzFindDate \
		./internal/speech:FuzzParseWAV \
		./internal/textnorm:FuzzNormalize \
		./internal/script:FuzzLexicon \
		./internal/episode:FuzzParseVTT \
		./internal/feed:FuzzSlugify \
		./internal/feed:FuzzParseCatalog \
		./internal/feed:FuzzCheck \
		./internal/source:FuzzParseFeed \
		./internal/source:FuzzParseSitemap \
		./internal/source:FuzzReadList \
		./internal/backends:FuzzCheckAudio \
		./internal/speech/elevenlabs:FuzzAnswers \
		./internal/speech/polly:FuzzReadMarks \
		./internal/config:FuzzLoad; do \
		pkg=$${spec%%:*}; fn=$${spec##*:}; \
		echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
		out=$$($(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -timeout $(TEST_TIMEOUT) $$pkg 2>&1) || { echo "$$out"; exit 1; }; \
	done

# bench runs the benchmarks that docs/BENCHMARKS.md quotes, each against
# its reference in the same run, and prints the ratios.
bench:
	@$(MAKE) --no-print-directory deps PACKAGES="$(BENCH_PACKAGES)"
	set -o pipefail; $(GO) test -run '^$$' -bench 'Sample|Join600' -benchtime 10x -count 3 -timeout $(TEST_TIMEOUT) ./cmd/aloud | tee bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'Join3h' -benchtime 1x -timeout $(TEST_TIMEOUT) ./cmd/aloud | tee -a bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'CRC16$$|Scan' -count 3 -timeout $(TEST_TIMEOUT) ./internal/mp3 | tee -a bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'Batch' -benchtime 1x -timeout $(TEST_TIMEOUT) ./internal/narrate | tee -a bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'Chunks100' -benchtime 3x -timeout $(TEST_TIMEOUT) ./internal/narrate | tee -a bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'ParseHTML1MB|ParseHTMLLongStory|ParseText1MB' -benchtime 10x -count 3 -timeout $(TEST_TIMEOUT) ./internal/article | tee -a bench.out
	set -o pipefail; $(GO) test -run '^$$' -bench 'NormalizeArticle' -count 3 -timeout $(TEST_TIMEOUT) ./internal/textnorm | tee -a bench.out
	@awk '/^BenchmarkNarrateSample-/ {a+=$$3; na++} /^BenchmarkNarrateSampleNoLoudness/ {an+=$$3; nan++} \
		/^BenchmarkByHandSample-/ {h+=$$3; nh++} /^BenchmarkByHandSampleLoudnorm/ {hl+=$$3; nhl++} \
		/^BenchmarkJoin600\/aloud/ {ja+=$$3; nja++} /^BenchmarkJoin600\/ffmpeg/ {jf+=$$3; njf++} /^BenchmarkJoin600\/cat/ {jc+=$$3; njc++} \
		END { \
		printf "aloud narrate (loudness off) / espeak-ng | lame by hand: %.3f s / %.3f s = %.2f×\n", an/nan/1e9, h/nh/1e9, (an/nan)/(h/nh); \
		printf "aloud narrate (to -16 LUFS) / by hand + ffmpeg loudnorm: %.3f s / %.3f s = %.2f×\n", a/na/1e9, hl/nhl/1e9, (a/na)/(hl/nhl); \
		printf "join of 600 segments: aloud %.3f s, ffmpeg %.3f s (%.1f× aloud), cat %.3f s (aloud %.2f× cat)\n", \
			ja/nja/1e9, jf/njf/1e9, (jf/njf)/(ja/nja), jc/njc/1e9, (ja/nja)/(jc/njc) }' bench.out
	@awk '/^BenchmarkCRC16\/fold/ {f+=$$5; nf++} /^BenchmarkCRC16\/tables/ {t+=$$5; nt++} /^BenchmarkScan/ {s+=$$7; ns++} \
		END { if (nf) printf "music CRC: folding %.0f MB/s, tables %.0f MB/s (%.1f×); frame scan %.1f ns a frame\n", f/nf, t/nt, (f/nf)/(t/nt), s/ns }' bench.out
	@awk '/^BenchmarkBatch\// { printf "batch of 200 articles, 100 ms voice, %s: %s articles/min (latency bound at --jobs 1: 300)\n", $$1, $$5 }' bench.out
	@awk '/^BenchmarkChunks100/ { for (i = 3; i < NF; i += 2) m[$$(i+1)] = $$i; \
		printf "100 chunks, 200 ms voice, 8 at once: %.3f s; ideal 2.5 s + %.3f s (instant voice) = %.3f s; %.1f%% over (target ≤ 5%%)\n", \
		m["total-s"], m["instant-voice-s"], 2.5 + m["instant-voice-s"], m["over-ideal-%"] }' bench.out
	@awk '/^BenchmarkParseHTML1MB/ {h+=$$3; nh++} /^BenchmarkParseHTMLLongStory/ {l+=$$3; nl++} /^BenchmarkParseText1MB/ {x+=$$3; nx++} \
		END { if (nh) printf "extraction of a 1 MB news page: %.1f ms (target < 100 ms); 1 MB of story: %.1f ms; 1 MB of pasted text: %.1f ms\n", h/nh/1e6, l/nl/1e6, x/nx/1e6 }' bench.out
	@awk '/^BenchmarkNormalizeArticle/ {n+=$$3; nn++} END { if (nn) printf "normalization of a 5,640-word article: %.1f ms (target < 20 ms)\n", n/nn/1e6 }' bench.out
	@rm -f bench.out

# eval-extract scores extraction on both development sets (Mozilla
# Readability's 130 test pages and Dragnet's 691 pages; ../shared/corpora,
# or ALOUD_CORPORA): word 4-gram F1 of the body, and on the Readability
# pages title/byline/date matches; then the same for the text a reader
# copies from each page in a browser (made by `make renders`); and the
# pages that state their story in JSON-LD, served with their paragraphs
# drawn by scripts and as a teaser.
eval-extract: renders
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) -run '^(TestExtractionCorpus|TestCopiedTextCorpus|TestStatedBodyCorpus)$$' -v ./internal/article | grep -E 'mean precision|matches on|wrong \(not empty\)|whole page F1|SKIP|FAIL|floor'

# renders makes the copied-text development set: each development page in
# headless Chromium with scripts off, its document.body.innerText saved in
# the user's cache (ALOUD_RENDERS to put it elsewhere). Pages already
# rendered are skipped.
renders:
	@$(MAKE) --no-print-directory deps PACKAGES="chromium"
	$(GO) run ./tools/renderpages

clean:
	rm -rf bin out

# eval-normalize scores normalization on NeMo's development cases of each
# language (en, de, es, ru; ../shared/corpora, or ALOUD_CORPORA), per class.
eval-normalize:
	$(GO) test -count=1 -timeout $(TEST_TIMEOUT) -run '^TestNormalizationCorpus$$' -v ./internal/textnorm | grep -E 'class |overall|SKIP'
