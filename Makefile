# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Every install step checks first and skips what is already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMIUM CHROMEDRIVER
# No prompt ever (CI has no standard input).
export DEBIAN_FRONTEND := noninteractive
export CARGO_TERM_COLOR := never

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
say = printf '\033[1m==> %s\033[0m\n' "$(1)"

.PHONY: help setup setup-wasm-target setup-trunk setup-wasm-bindgen setup-node setup-chromium setup-python setup-postgres \
        serve dist test fmt-check clippy test-native test-wasm test-e2e cli bench bench-profiles bench-engageable bench-browser bench-profiles-browser bench-engageable-browser test-spark fuzz

help:
	@echo "make serve   install what is missing, build, serve the viewer on http://127.0.0.1:8080"
	@echo "make test    install what is missing, then fmt, clippy, native, wasm and end-to-end tests"
	@echo "make dist    release build of the viewer into dist/, and dist/active-profiles.html (one file)"
	@echo "make cli     release build of target/release/active-profiles"
	@echo "make bench   benchmarks (see README)"
	@echo "make bench-profiles  the Journey Optimizer profiles benchmark alone (bench/profiles.sh)"
	@echo "make bench-browser  the viewer against DuckDB-Wasm in headless Chromium (see README)"
	@echo "make bench-profiles-browser  the viewer's Profiles report against DuckDB-Wasm (see README)"
	@echo "make bench-engageable  the Journey Optimizer engageable-profiles benchmark alone (bench/engageable.sh)"
	@echo "make bench-engageable-browser  the viewer's Engageable profiles report against DuckDB-Wasm (see README)"

## ---- set-up: each step installs only what is missing -----------------------

setup: setup-wasm-target setup-trunk setup-wasm-bindgen setup-node setup-chromium setup-python setup-postgres

setup-wasm-target:
	@if rustup target list --installed | grep -qx wasm32-unknown-unknown; then \
	  $(call say,wasm32-unknown-unknown target: present); \
	else \
	  $(call say,installing the wasm32-unknown-unknown target); \
	  rustup target add wasm32-unknown-unknown; \
	fi

setup-trunk:
	@if trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)'; then \
	  $(call say,trunk $(TRUNK_VERSION): present); \
	else \
	  $(call say,installing trunk $(TRUNK_VERSION) (a debug build: about 4 minutes)); \
	  CARGO_PROFILE_DEV_DEBUG=0 cargo install --locked --debug trunk --version $(TRUNK_VERSION); \
	fi

setup-wasm-bindgen:
	@if wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
	    && command -v wasm-bindgen-test-runner >/dev/null; then \
	  $(call say,wasm-bindgen-cli $(WASM_BINDGEN_VERSION): present); \
	else \
	  $(call say,installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (equal to Cargo.lock)); \
	  CARGO_PROFILE_RELEASE_DEBUG=0 cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

setup-node:
	@if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json node_modules/.package-lock-copy.json; then \
	  $(call say,npm packages (binaryen wasm-opt, playwright-core, duckdb-wasm for bench-browser): present); \
	else \
	  $(call say,installing npm packages from package-lock.json (binaryen wasm-opt, playwright-core, duckdb-wasm for bench-browser)); \
	  npm ci --no-audit --no-fund --loglevel=error; \
	  cp package-lock.json node_modules/.package-lock-copy.json; \
	fi

setup-chromium:
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ]; then \
	  $(call say,chromium and chromedriver: present); \
	else \
	  $(call say,installing chromium and chromium-driver from Debian); \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	fi

# DuckDB for the SQL tests (cli/tests/sql_duckdb.rs): a venv under target/.
DUCKDB_VERSION := 2.0.0
PYSPARK_VERSION := 4.3.0
VENV := target/venv

setup-python:
	@if $(VENV)/bin/python -c 'import duckdb, sys; sys.exit(duckdb.__version__ != "$(DUCKDB_VERSION)")' 2>/dev/null; then \
	  $(call say,python venv $(VENV) with duckdb $(DUCKDB_VERSION): present); \
	else \
	  $(call say,creating $(VENV) and installing duckdb $(DUCKDB_VERSION) from PyPI); \
	  [ -x $(VENV)/bin/python ] || python3 -m venv $(VENV); \
	  $(VENV)/bin/pip install --quiet duckdb==$(DUCKDB_VERSION); \
	fi

# PostgreSQL's server programs for the engageable SQL test (cli/tests/sql_engageable_postgres.rs), which
# starts a throwaway server of its own (no service is started or enabled here).
setup-postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  $(call say,PostgreSQL server programs: present); \
	else \
	  $(call say,installing postgresql from Debian); \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends postgresql; \
	fi

## ---- build and serve ---------------------------------------------------------

serve: setup
	@$(call say,serving the viewer on http://127.0.0.1:8080 (Ctrl-C stops))
	trunk serve --address 127.0.0.1 --port 8080

# Then the viewer as one file, dist/active-profiles.html (not a trunk hook: trunk runs a
# stage's hooks at the same time, and this one reads the page that csp-hashes.mjs rewrites).
dist: setup-wasm-target setup-trunk setup-wasm-bindgen setup-node
	@$(call say,release build of the viewer into dist/)
	trunk build --release
	node tools/single-file.mjs

cli:
	@$(call say,release build of target/release/active-profiles)
	cargo build --release -p active-profiles-cli

## ---- tests -----------------------------------------------------------------

test: setup
	@$(MAKE) fmt-check
	@$(MAKE) clippy
	@$(MAKE) test-native
	@$(MAKE) test-wasm
	@$(MAKE) test-e2e
	@$(call say,all tests passed)

fmt-check:
	@$(call say,cargo fmt --check)
	cargo fmt --all --check

clippy:
	@$(call say,clippy on the native crates and on the app for wasm32)
	cargo clippy --workspace --exclude active-profiles-app --all-targets -- -D warnings
	cargo clippy -p active-profiles-app --target wasm32-unknown-unknown --all-targets -- -D warnings

# REQUIRE_POSTGRES: the PostgreSQL test fails instead of skipping when the server programs are missing.
test-native:
	@$(call say,native tests: engine and command line)
	REQUIRE_POSTGRES=1 cargo test --workspace --exclude active-profiles-app

# wasm-bindgen-test-runner drives Chromium through chromedriver; webdriver.json
# holds the headless flags.
test-wasm:
	@$(call say,wasm tests of the app in headless Chromium)
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test -p active-profiles-app --target wasm32-unknown-unknown

test-e2e: dist cli
	@$(call say,end-to-end tests in headless Chromium (playwright-core))
	node e2e/run.mjs

# The SQL script in a local Spark session (not part of `make test`: pyspark is large and needs Java).
test-spark: setup-python
	@if command -v java >/dev/null; then \
	  $(call say,Java runtime: present); \
	else \
	  $(call say,installing default-jre-headless from Debian); \
	  $(SUDO) apt-get update -qq; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless; \
	fi
	@if $(VENV)/bin/python -c 'import pyspark' 2>/dev/null; then \
	  $(call say,pyspark in $(VENV): present); \
	else \
	  $(call say,installing pyspark $(PYSPARK_VERSION) into $(VENV) (about 450 MB)); \
	  $(VENV)/bin/pip install --quiet pyspark==$(PYSPARK_VERSION); \
	fi
	@$(call say,the SQL script in a local Spark session against the engine)
	cargo test -p active-profiles-cli --test sql_spark -- --ignored

# BENCH_ROWS=1000000 for a quick run; see bench/run.sh for the other knobs. Then the profiles and
# the engageable-profiles benchmarks.
bench: setup-python
	@$(call say,benchmark: active-profiles against a raw csv read and DuckDB on a generated export)
	bash bench/run.sh
	@$(MAKE) bench-profiles
	@$(MAKE) bench-engageable

# Journey Optimizer profiles: 1 million AEP records as JSON lines and as Parquet, ours (one thread, the
# whole report) against DuckDB's distinct identities per namespace (it cannot stitch). BENCH_RECORDS=100000
# for a quick run; see bench/profiles.sh for the other knobs.
bench-profiles: setup-python
	@$(call say,profiles benchmark: active-profiles profiles against DuckDB read_json/read_parquet)
	bash bench/profiles.sh

# Journey Optimizer engageable profiles: 20 million step events as JSON lines, Parquet and CSV, ours (1 thread
# and the default threads, the whole report) against DuckDB running Adobe's approximation (count(distinct
# profileID) per sandbox over 12 months), its counts checked against ours. BENCH_EVENTS=300000 for a quick
# run; see bench/engageable.sh for the other knobs.
bench-engageable: setup-python
	@$(call say,engageable-profiles benchmark: active-profiles engageable against DuckDB read_json/read_parquet/read_csv)
	bash bench/engageable.sh

# The viewer's Profiles report against DuckDB-Wasm's distinct identities per namespace, in headless
# Chromium, on bench-profiles' files (made first when missing). Knobs at the top of bench/browser/profiles.mjs.
bench-profiles-browser: dist cli setup-chromium setup-python
	@$(call say,browser benchmark: the viewer's Profiles report against DuckDB-Wasm in headless Chromium)
	node bench/browser/profiles.mjs

# The viewer's Engageable profiles report (file pick to painted report) against DuckDB-Wasm running Adobe's
# approximation, in headless Chromium, on bench-engageable's files (made first when missing). Knobs at the
# top of bench/browser/engageable.mjs.
bench-engageable-browser: dist cli setup-chromium setup-python
	@$(call say,browser benchmark: the viewer's Engageable profiles report against DuckDB-Wasm in headless Chromium)
	node bench/browser/engageable.mjs

# The viewer (dist/) against DuckDB-Wasm (npm, served from node_modules) in headless Chromium:
# pick to report, MB/s, tab memory, demo paint and wasm sizes. BENCH_ROWS=1000000 for a quick
# run, BENCH_HUGE=1 adds a 5 GB file; the other knobs are at the top of bench/browser/run.mjs.
bench-browser: dist cli setup-chromium
	@$(call say,browser benchmark: the viewer against DuckDB-Wasm in headless Chromium)
	node bench/browser/run.mjs

# Random fuzzing of the engine on stable Rust (engine/examples/fuzz.rs), FUZZ_SECONDS long;
# failing cases are written to target/fuzz-crashes/. FUZZ_SEED=N replays from seed N.
FUZZ_SECONDS ?= 600
fuzz:
	@$(call say,fuzzing the engine for $(FUZZ_SECONDS) s (failing cases go to target/fuzz-crashes/))
	cargo run --release -p active-profiles-engine --example fuzz -- $(FUZZ_SECONDS) $(FUZZ_SEED)
