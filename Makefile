# dltutor: the front door. `make run` starts the tutor, `make test` runs the whole suite.
# Both install what a fresh machine lacks (ncursesw and SQLite headers) before building.

SWIFT   ?= swift
CONTENT ?= content/aml5202-sessional1
ARGS    ?=
RELEASE_BIN = .build/release/dltutor

.PHONY: run test bench lint deps build release clean

deps:
	@sh scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product dltutor

run: release
	@$(RELEASE_BIN) $(ARGS)

test: deps
	$(SWIFT) test

lint: release
	$(RELEASE_BIN) lint $(CONTENT)

bench: deps
	$(SWIFT) build -c release --product dltutor
	$(SWIFT) build -c release --product dltutor-bench
	.build/release/dltutor-bench --content $(CONTENT) --binary $(RELEASE_BIN)

clean:
	rm -rf .build
