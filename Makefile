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

# The browser's front-end libraries (YASGUI, cytoscape.js, cytoscape-dagre), exactly as locked;
# graph_server serves them from node_modules, so no page needs the network.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(BIN)/sckg node_modules/.package-lock.json

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
	$(BIN)/python bench/page_bench.py

clean:
	rm -rf $(VENV) data .pytest_cache node_modules tests/artifacts
