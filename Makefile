# Two commands matter: `make demo` (set up, run the sample) and `make test` (set up, run the tests).
# `make test-fast` runs the unit tier alone, the loop to run after every edit.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# torch is installed first, and only where the venv has none, so a user's own build (CUDA,
# ROCm, MPS) is kept. On PyPI this pin is the platform's default build; machines that keep a
# CPU wheel of it locally (pip's find-links) take that instead of a multi-GB CUDA download.
TORCH_SPEC ?= torch==2.13.0
EXTRAS ?= marian,ct2,nlp,ray,dev
SYSTEM_PACKAGES := apertium apertium-fr-es apertium-eng-spa dict-freedict-fra-eng chromium chromium-driver

.PHONY: setup system demo test test-fast lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e ".[$(EXTRAS)]"
	touch $@

# Apertium (the offline engine), FreeDict's French-English dictionary (the word link's second
# dictionary) and Chromium (the report's browser test) from Debian, when we can install them;
# otherwise say how.
system:
	@if command -v apertium >/dev/null && apertium -l | grep -qx ' *fr-es' && command -v chromium >/dev/null \
		&& [ -f /usr/share/dictd/freedict-fra-eng.index ]; then \
		echo "system packages present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	else \
		echo "note: for the offline engine and browser tests run: sudo apt-get install $(SYSTEM_PACKAGES)"; \
	fi

# The demo writes reports/demo/ (ignored by git): reports/sample/ is the committed example of
# the same run, and a demo must leave the checkout as it found it.
demo: setup system
	$(BIN)/mtqa run configs/sample.toml --out reports/demo

test: setup system
	$(BIN)/pytest

# The unit tier only (tests/unit): no Apertium, spaCy model, Marian model, Ray or browser.
test-fast: setup
	$(BIN)/pytest tests/unit

lint: setup
	$(BIN)/ruff check mtqa tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache
