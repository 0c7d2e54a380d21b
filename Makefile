# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run test bench clean

setup: $(STAMP)

# the venv is rebuilt whenever the declared dependencies change
$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "tidings needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# the main job on the embedded default: analyse the bundled example corpus and print the reports
run: setup
	$(VENV)/bin/tidings analyze examples/ --format text

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache build dist src/*.egg-info
