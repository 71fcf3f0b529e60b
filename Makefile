# The two commands of README.md, and the steps they are made of.
#   make serve   install what is missing, build the page, serve it on 127.0.0.1
#   make test    install what is missing, then every test suite: native, wasm, CLI, schema, parity,
#                the suites under ASan+UBSan, the fuzz corpus replayed and each target fuzzed
#                FUZZ_SECONDS, browser (what .ci/run calls; about 17 minutes from a clean clone)
#   make check   the quick loop while developing: native build, then the native unit, case,
#                app-state and CLI tests (seconds once built)
# Other targets: deps, native, web, cli-samples, bench, bench-page-batch, bench-peers, asan, fuzz, fuzz-replay,
# fuzz-long, clean. ctest runs two tests at a time (the presets' jobs), one per core.

PORT ?= 8000
export NODE_PATH := /usr/share/nodejs

.PHONY: serve test check deps native web test-native test-web test-e2e test-asan cli-samples bench bench-page-batch bench-peers asan fuzz fuzz-replay fuzz-long clean

serve: deps web
	@echo "reqcheck: serving build/web/dist at http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	@echo "reqcheck: without a server, open build/web/dist/reqcheck.html (the page in one file) from the folder"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory build/web/dist

# FUZZ_SECONDS: how long fuzz-replay runs each target (4 targets, two at a time), the replay of the
# corpus, samples, packs and cases included; enough to replay them all and fuzz near them, not a
# campaign: that is fuzz-long, FUZZ_LONG_SECONDS a target, new inputs kept in tests/fuzz/corpus-new/
# for tests/fuzz/merge_corpus.sh
FUZZ_SECONDS ?= 20
FUZZ_LONG_SECONDS ?= 3600

test: deps test-native test-web test-asan fuzz-replay test-e2e
	@echo "reqcheck: all test suites passed"

check: native
	ctest --preset check

deps:
	bash scripts/install-deps.sh

native:
	cmake --preset native >/dev/null
	cmake --build --preset native

web:
	cmake --preset web >/dev/null
	cmake --build --preset web

test-native: native
	ctest --preset native

# the parity test in the web preset compares with build/native/reqcheck
test-web: native web
	ctest --preset web

test-e2e: native web
	cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs

asan:
	cmake --preset asan >/dev/null
	cmake --build --preset asan

test-asan: asan
	ctest --preset asan

cli-samples: native
	build/native/reqcheck check assets/samples/*.json --format text || true

bench: native
	build/native/bench/reqcheck_bench

# batches of 10,000 and 100,000 generated requests checked in the built page in headless Chromium
# (issue 12): total time, requests/s, longest frame, heap; a benchmark, never a test. PAGE_BATCH_ARGS
# passes options (e.g. "--sizes 10000" or "--write" to append the table to bench/RESULTS.md).
bench-page-batch: web
	test -d tests/e2e/node_modules || (cd tests/e2e && npm ci --no-audit --no-fund)
	node bench/page-batch.mjs $(PAGE_BATCH_ARGS)

# reqcheck beside plain JS, Cedar and ajv + json-logic, in node and headless Chromium (and natively);
# writes its section of bench/RESULTS.md (a benchmark, never a test). Builds, in the native and
# web presets, only the two engines it runs; PEERS_ARGS passes options (e.g. PEERS_ARGS="--n 20000").
bench-peers:
	cmake --preset native >/dev/null
	cmake --build --preset native --target reqcheck_peers_native
	cmake --preset web >/dev/null
	cmake --build --preset web --target reqcheck_peers
	test -d bench/peers/node_modules || (cd bench/peers && npm ci --no-audit --no-fund)
	node bench/peers/run.mjs $(PEERS_ARGS)

fuzz:
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz

fuzz-replay: fuzz
	bash tests/fuzz/fuzz_replay.sh build/fuzz $(FUZZ_SECONDS)

fuzz-long: fuzz
	bash tests/fuzz/fuzz_replay.sh build/fuzz $(FUZZ_LONG_SECONDS) tests/fuzz/corpus-new

clean:
	rm -rf build/native build/web build/asan build/fuzz
