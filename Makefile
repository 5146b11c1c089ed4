# One command to set up and run, one to test. Everything is installed into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= data/store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run ingest serve test bench clean

$(BIN)/sckg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/sckg

# The main job: ingest the bundled sample corpus into the embedded store, then serve it.
run: ingest serve

ingest: install
	$(BIN)/sckg ingest corpus --store $(STORE)

serve: install
	$(BIN)/sckg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(VENV) data .pytest_cache
