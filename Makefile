# Two entry points for a fresh machine (see README):
#   make demo  - install, then lint the bundled sample contract
#   make test  - install with test extras, then ruff + the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SAMPLE ?= fixtures/sample/supply-agreement-en.docx

.PHONY: demo test install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'

demo: install
	$(BIN)/cliccheck extract $(SAMPLE)

test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q
