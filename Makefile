PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test golden lint eval bench bench-memory soak clean-venv wheel-smoke

# The venv is rebuilt when pyproject.toml changes. pip is upgraded first: the stock
# pip 23.2.1 resolves trafilatura without lxml_html_clean (see README).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,dask,warc]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/cleaner run-seeds seeds --out out

test: $(STAMP)
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q
	$(BIN)/cleaner rules lint
	$(BIN)/cleaner rules test -q


# The built wheel in a fresh virtualenv, run from outside the repository, must give make
# run's results (CI runs it: .ci/run).
wheel-smoke: run
	$(BIN)/python -m tests.wheel_smoke --expected out

golden: $(STAMP)
	$(BIN)/python -m tests.golden_tool write

lint: $(STAMP)
	$(BIN)/ruff check cleaner tests bench
	$(BIN)/mypy
	$(BIN)/cleaner rules lint

# Both benchmarks, each with its own metric, cleaner beside trafilatura alone (README).
BENCH_DIR ?= ../shared/bench
eval: $(STAMP)
	$(BIN)/cleaner eval $(BENCH_DIR)/scrapinghub
	$(BIN)/cleaner eval $(BENCH_DIR)/wcxb-dev

bench: $(STAMP)
	$(BIN)/python -m bench.run

bench-memory: $(STAMP)
	$(BIN)/python -m bench.run --memory

soak: $(STAMP)
	$(BIN)/python -m bench.soak
