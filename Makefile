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
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'

# The sample is a deliberately imperfect draft: lint exits 1 (findings), which
# is the expected result of the demo, so only exit codes >= 2 fail `make demo`.
demo: install
	@$(BIN)/cliccheck lint $(SAMPLE); rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo
	@echo "Next: $(BIN)/cliccheck annex $(SAMPLE) --lang zh+en    (a compliant annex)"
	@echo "      $(BIN)/cliccheck redline $(SAMPLE) -o /tmp/redline.docx    (tracked changes)"

test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q
