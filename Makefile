# Two commands do everything on a fresh machine: `make run` (the kiosk on the embedded mock) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: run test check catalogs mock-api bench lint i18n-extract i18n-check clean

$(STAMP): pyproject.toml hatch_build.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

catalogs: $(STAMP)
	$(PY) tools/compile_catalogs.py

run: catalogs
	$(VENV)/bin/gemilang-tui $(ARGS)

# The suite on every core and one more worker (JOBS=0 for one process): several tests mostly wait (the monkey's
# pauses, real idle countdowns, a kiosk in a pseudo-terminal). Tests of one xdist_group (real servers) share a worker.
JOBS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: catalogs check
	$(PY) -m pytest -n $(JOBS) --dist loadgroup $(PYTEST_ARGS)

# Lint (pinned ruff), types of the core (mypy; the checked files are listed in pyproject.toml) and the layers
# (import-linter contracts in pyproject.toml). `make test` runs it first, so CI does too.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache --no-logo

mock-api: $(STAMP)
	$(VENV)/bin/gemilang-tui mock-api $(ARGS)

bench: catalogs
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/sender_drain.py

lint: check

# Translations: msgids are English; each service has its own catalog (gemilang_tui/i18n/<lang>/LC_MESSAGES/<kode>.po).
i18n-extract: $(STAMP)
	$(VENV)/bin/pybabel extract -k _ -k N_ -k L -k ngettext:1,2 -o gemilang_tui/i18n/messages.pot gemilang_tui

i18n-check: $(STAMP)
	$(PY) -m pytest tests/functional/test_i18n.py -q

clean:
	rm -rf $(VENV) .pytest_cache build dist
