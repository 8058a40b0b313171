# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
PREFIX ?= /usr/local
SWIFT ?= swift
NELM_DEBUG := .build/debug/nelm
NELM_RELEASE := .build/release/nelm
# Tests (and swift test itself) make scratch folders; they go here, not in the shared /tmp.
TEST_TMP := $(CURDIR)/.build/test-tmp

.PHONY: run test build release deps test-deps install install-files bench lint format-lint \
	clean crashtest fuzz fuzz-smoke

deps:
	@scripts/ensure-deps

test-deps:
	@scripts/ensure-deps --test

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Opens the study shell on the bundled course; progress is kept in Sessions/.
run: release
	@$(NELM_RELEASE) --lessons Lessons --sessions Sessions

## Unit tests, end-to-end tests on the built binary, and a lint of the course.
test: test-deps
	$(SWIFT) build
	rm -rf $(TEST_TMP) && mkdir -p $(TEST_TMP)
	TMPDIR=$(TEST_TMP) $(SWIFT) test
	TMPDIR=$(TEST_TMP) NELM_BIN=$(CURDIR)/$(NELM_DEBUG) python3 -m pytest -q -p no:cacheprovider \
		Tests/e2e
	$(NELM_DEBUG) lint Lessons
	$(SWIFT) format lint --strict -r Sources Tests
	Fuzz/fuzz.sh 2000
	rm -rf $(TEST_TMP)

lint: build
	$(NELM_DEBUG) lint Lessons

format-lint:
	$(SWIFT) format lint --strict -r Sources Tests

## Installs the binary, the course, the man page and the bash, zsh and fish completions.
install: release install-files

# The install steps on a binary built already: NELM_INSTALL_BIN, whose build configuration
# generate-manual reads its commands from. The end-to-end test of the install runs them on the
# debug build.
NELM_INSTALL_BIN ?= $(NELM_RELEASE)
MANUAL_CONFIGURATION ?= release
SHARE := $(DESTDIR)$(PREFIX)/share
GENERATED := .build/install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/nelm/Lessons/cases $(SHARE)/man/man1 \
		$(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions \
		$(SHARE)/fish/vendor_completions.d $(GENERATED)
	install -m 755 $(NELM_INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/nelm
	install -d $(DESTDIR)$(PREFIX)/libexec/nelm
	install -m 755 $(dir $(NELM_INSTALL_BIN))nelm-http $(DESTDIR)$(PREFIX)/libexec/nelm/nelm-http
	install -m 644 Lessons/*.yaml Lessons/README.md $(SHARE)/nelm/Lessons/
	install -m 644 Lessons/cases/*.yaml $(SHARE)/nelm/Lessons/cases/
	install -m 755 scripts/anki-package $(SHARE)/nelm/anki-package
	$(SWIFT) package plugin generate-manual --configuration $(MANUAL_CONFIGURATION)
	scripts/man-page .build/plugins/GenerateManual/outputs/nelm/nelm.1 $(NELM_INSTALL_BIN) \
		> $(GENERATED)/nelm.1
	$(NELM_INSTALL_BIN) --generate-completion-script bash \
		| cat - scripts/completion/nelm-colons.bash > $(GENERATED)/nelm.bash
	$(NELM_INSTALL_BIN) --generate-completion-script zsh > $(GENERATED)/_nelm
	$(NELM_INSTALL_BIN) --generate-completion-script fish \
		| cat - scripts/completion/nelm-fish3.fish > $(GENERATED)/nelm.fish
	install -m 644 $(GENERATED)/nelm.1 $(SHARE)/man/man1/nelm.1
	install -m 644 $(GENERATED)/nelm.bash $(SHARE)/bash-completion/completions/nelm
	install -m 644 $(GENERATED)/_nelm $(SHARE)/zsh/site-functions/_nelm
	install -m 644 $(GENERATED)/nelm.fish $(SHARE)/fish/vendor_completions.d/nelm.fish

## Start-up and save-latency figures (not part of `make test`).
bench: release
	bench/run

## Crash safety: 240 kills at random moments of a studying shell, taking turns over SIGKILL,
## SIGTERM, SIGHUP and a closed terminal; prints the figures and fails on any answer
## acknowledged with `Saved.` but missing from the log, or on any end but the expected one.
crashtest: build test-deps
	NELM_BIN=$(CURDIR)/$(NELM_DEBUG) python3 Tests/stress/crashtest.py --kills 240

## libFuzzer with ASan on every decoder and on the command line (see Fuzz/README.md).
fuzz: deps
	Fuzz/fuzz.sh 1000000

fuzz-smoke: deps
	Fuzz/fuzz.sh 5000

clean:
	rm -rf .build
