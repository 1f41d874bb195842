# `make run` sets up and exports source/ to dist/; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup system clean-dist bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[test]'
	touch $(STAMP)

system:
	./scripts/setup-system.sh

setup: system $(STAMP)

run: setup
	$(BIN)/exporter

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: setup
	WITH_PEERS=1 ./scripts/setup-system.sh
	$(BIN)/python benchmarks/corpus_score.py
	$(BIN)/python benchmarks/clean_speed.py --steps
	$(BIN)/python benchmarks/pdf_overhead.py
	$(BIN)/python benchmarks/single_article.py
	$(BIN)/python benchmarks/peers.py

clean-dist:
	find dist -mindepth 1 ! -name .gitkeep -delete
