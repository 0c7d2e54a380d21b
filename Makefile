# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DB     ?= tidings.duckdb
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: setup system run test bench clean

setup: $(STAMP) system

# the venv is rebuilt whenever the declared dependencies change
$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "tidings needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,spark]"
	touch $(STAMP)

# Debian packages the browser and Spark tests need: Chromium (Playwright drives it; no browser is
# downloaded) and a Java runtime for Spark. Installed when missing and we may (root with apt-get);
# otherwise those tests skip and say why.
system:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "note:$$missing not installed (needs root and apt-get); browser/Spark tests will skip"; \
	  fi; \
	fi

# the main job on the embedded default: analyse the examples and print the reports, store them
# in DuckDB, then serve the web UI on http://$(HOST):$(PORT)/ (Ctrl-C stops it)
run: setup
	$(VENV)/bin/tidings analyze examples/ --format text
	$(VENV)/bin/tidings ingest examples/ --db $(DB)
	$(VENV)/bin/tidings serve --db $(DB) --host $(HOST) --port $(PORT)

# the default suite, then the long fuzz and kill runs (marker `slow`) within a bounded budget
test: setup
	$(PY) -m pytest -q
	timeout 900 $(PY) -m pytest -q -m slow

bench: setup
	$(PY) -m pip install --quiet -e ".[test,spark,bench]"
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/quotes.py
	$(PY) benchmarks/actors.py
	$(PY) benchmarks/events.py
	$(PY) benchmarks/reliability.py
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache build dist src/*.egg-info out
