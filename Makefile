# The two entry points: `make demo` renders every sample, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast setup system-deps clean bench serve

$(STAMP): pyproject.toml
	$(MAKE) system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	@sh scripts/install-system-deps.sh

demo: $(STAMP)
	$(BIN)/contractgen render --jobs 2 samples/*.yaml -o out

test: $(STAMP)
	$(BIN)/ruff check contractgen tests bench
	$(BIN)/ruff format --check contractgen tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# the quick loop while editing: unit tests, no full renders, browser or LibreOffice (under a minute)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m 'not slow and not browser and not libreoffice'

serve: $(STAMP)
	$(BIN)/pip install -q -e '.[web]'
	$(BIN)/contractgen serve .

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench,dask]'
	$(BIN)/python -m bench $(BENCH_ARGS)
	$(BIN)/python -m bench.cluster

clean:
	rm -rf out $(VENV)
