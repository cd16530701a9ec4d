# Set-up and the two main jobs. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The CPU build of torch; an unpinned torch pulls a multi-GB CUDA build on these machines.
TORCH ?= torch==2.13.0

.PHONY: install run test lint

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(TORCH) 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -c "import claimbot, torch, sentence_transformers, chromadb, textual"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/claimbot

lint: $(STAMP)
	$(BIN)/ruff check claimbot tests bench
	$(BIN)/ruff format --check claimbot tests bench
	$(BIN)/mypy

# Two workers: the suite is mostly model loading and CLI processes, and takes 40% less time on
# two cores (296 s instead of 491 s). Snapshots are still compared under xdist.
test: $(STAMP) lint
	$(BIN)/python -m pytest -q -n auto --maxprocesses 2
