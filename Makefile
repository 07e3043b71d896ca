# dltutor: the front door. `make run` starts the tutor, `make test` runs the whole suite.
# Both install what a fresh machine lacks (ncursesw and SQLite headers) before building.

SWIFT   ?= swift
CONTENT ?= content/aml5202-sessional1
ARGS    ?=
# Extra flags for the debug build and the tests (CI: -Xswiftc -warnings-as-errors).
SWIFTFLAGS ?=
RELEASE_BIN = .build/release/dltutor
# Static Swift runtime: the tutor starts ~4 ms faster (measured with make bench).
RELEASE = -c release --static-swift-stdlib

.PHONY: run test bench lint deps build release clean install uninstall bench-class format format-lint

PREFIX ?= /usr/local

deps:
	@sh scripts/ensure-deps.sh

build: deps
	$(SWIFT) build $(SWIFTFLAGS)

release: deps
	$(SWIFT) build $(RELEASE) --product dltutor
	$(SWIFT) build $(RELEASE) --product dltutor-class

# The tutor alone: a student's first `make run` does not wait for the classroom binary's build.
run: deps
	$(SWIFT) build $(RELEASE) --product dltutor
	@$(RELEASE_BIN) $(ARGS)

# Programs under test keep their cache and any default database inside .build, never in the
# user's ~/.cache or ~/.local/share.
test: deps
	@sh scripts/ensure-class-deps.sh
	XDG_CACHE_HOME=$(CURDIR)/.build/test-cache XDG_DATA_HOME=$(CURDIR)/.build/test-data \
		$(SWIFT) test $(SWIFTFLAGS) --disable-xctest --skip ClassroomTests
# The classroom tests one at a time: each drives servers and blocking PostgreSQL calls, and run
# side by side on 2 cores they could starve the concurrency runtime's few threads and hang.
	XDG_CACHE_HOME=$(CURDIR)/.build/test-cache XDG_DATA_HOME=$(CURDIR)/.build/test-data \
		$(SWIFT) test $(SWIFTFLAGS) --disable-xctest --skip-build --filter ClassroomTests --no-parallel

lint: deps
	$(SWIFT) build $(RELEASE) --product dltutor
	$(RELEASE_BIN) lint $(CONTENT)

bench: deps
	$(SWIFT) build $(RELEASE) --product dltutor
	$(SWIFT) build $(RELEASE) --product dltutor-bench
	.build/release/dltutor-bench --content $(CONTENT) --binary $(RELEASE_BIN)

# Source style (.swift-format). `format` rewrites the Swift sources in place; `format-lint` is the
# check CI runs (any finding fails it).
FORMAT_PATHS = Sources Tests Benchmarks Package.swift

format:
	$(SWIFT) format format --in-place --parallel --recursive $(FORMAT_PATHS)

format-lint:
	$(SWIFT) format lint --strict --parallel --recursive $(FORMAT_PATHS)

clean:
	rm -rf .build

# Install like a real tool: binaries (stripped), exams, man pages, completions (scripts/install.sh).
install: release
	@sh scripts/install.sh install $(PREFIX)

uninstall:
	@sh scripts/install.sh uninstall $(PREFIX)

# 200 simulated students against a scratch PostgreSQL on loopback for a minute, restarted half way (not a test).
bench-class: deps
	@sh scripts/ensure-class-deps.sh
	$(SWIFT) build -c release --product dltutor-bench-class
	.build/release/dltutor-bench-class $(BENCH_CLASS_ARGS)
