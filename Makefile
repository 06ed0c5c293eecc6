# Each target is self-sufficient on a fresh machine with Python 3.11: it creates .venv and
# installs what it needs. The stamp file makes the second run instant.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck check install clean chromium

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/auditor demo --out reports

# The browser the HTML report tests drive. Installed when missing and we are root (CI
# containers); otherwise those tests fail saying so, unless AUDITOR_SKIP_BROWSER=1.
chromium:
	@test "$$AUDITOR_SKIP_BROWSER" = 1 || test -x /usr/bin/chromium || \
	  { test "$$(id -u)" = 0 && apt-get update -q && apt-get install -y -q chromium; } || \
	  echo "note: /usr/bin/chromium is missing; install it (apt-get install chromium)" >&2

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check auditor tests benchmarks
	$(BIN)/ruff format --check auditor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
