# Two entry points for a fresh machine (see README):
#   make demo  - install, then lint the bundled sample contract
#   make test  - install with test extras, then ruff + the test suite
PYTHON ?= python3
# test processes for the parallel part of `make test` (pytest-xdist); the timed tests run alone after it
TEST_WORKERS ?= 2
VENV ?= .venv
BIN = $(VENV)/bin
SAMPLE ?= fixtures/sample/supply-agreement-en.docx

.PHONY: demo test test-corpus install install-test

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

# Two pytest runs in one target: everything but the tests that assert wall seconds, on
# $(TEST_WORKERS) processes (each test file stays in one process, so module fixtures such as the
# browser or the OCR engine start once); then the `serial` tests alone, so that no other test
# competes for the CPU while they time themselves. Both always run; either failing fails the target.
test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not serial"; parallel=$$?; \
	  $(BIN)/python -m pytest -q -m serial; alone=$$?; \
	  [ $$parallel -eq 0 ] && [ $$alone -eq 0 ]

# The evaluation corpora whole: `make test` evaluates the sample that tests/corpus_sample.py describes (every case that
# was ever a false pass, and a fixed quarter of the rest); this evaluates every case (about 9 CPU minutes).
test-corpus: install-test
	CLICCHECK_CORPUS_FULL=1 $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist load tests/test_eval_docs.py tests/test_eval_packs.py
