# `make demo` and `make test` each set up their own virtual environment first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin/briefing
EXAMPLE := examples/baghdad-airport-strike.txt

.PHONY: demo test lint examples golden bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

demo: $(VENV)/.installed  ## make a brief of the example article: out/brief.docx and the terminal
	mkdir -p out
	$(BIN) brief $(EXAMPLE) -o out/brief.docx
	$(BIN) brief $(EXAMPLE)

test: $(VENV)/.installed  ## run the test suite
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check briefing tests benchmarks

examples: $(VENV)/.installed  ## regenerate the example briefs in examples/briefs/
	mkdir -p examples/briefs
	for t in standard sitrep bluf; do for ext in docx md json html txt; do \
	  $(BIN) brief $(EXAMPLE) -t $$t -o examples/briefs/$$t.$$ext || exit 1; done; done
	for ext in docx md json html txt; do \
	  $(BIN) daily tests/data/daily $(EXAMPLE) --no-history --date 2020-01-03 -o examples/briefs/daily.$$ext || exit 1; done

golden: $(VENV)/.installed  ## regenerate the golden files the tests compare against
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests

bench: $(VENV)/.installed  ## ROUGE and speed against sumy on ../shared/eval
	$(PY) benchmarks/benchmark.py --skip-slow --time-cap 400

clean:
	rm -rf $(VENV) out build dist *.egg-info
