# Two commands do everything on a fresh machine: `make run` (the kiosk on the embedded mock) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: run test check catalogs mock-api bench lint i18n-extract i18n-update i18n-compile i18n-check clean

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

# Translations: msgids are English; each catalog (gemilang_tui/i18n/<lang>/LC_MESSAGES/<catalog>.po) has its own
# template (gemilang_tui/i18n/templates/<catalog>.pot) made from the sources gemilang_tui/i18n/catalogs.txt gives it.
I18N := gemilang_tui/i18n
PYBABEL = $(VENV)/bin/pybabel
CATALOG_NAMES = $(shell sed -n 's/^\([a-z0-9_]*\):.*/\1/p' $(I18N)/catalogs.txt)
EXTRACT_FLAGS := -k _ -k N_ -k L -k ngettext:1,2 --no-location --sort-output -w 100 --project gemilang-tui \
	--copyright-holder "Pemerintah Kabupaten Tangerang / gemilang-tui contributors" \
	--msgid-bugs-address https://tangerangkab.go.id
i18n-extract: $(STAMP)
	mkdir -p $(I18N)/templates
	grep -v '^#' $(I18N)/catalogs.txt | while IFS=: read -r name paths; do \
		[ -z "$$name" ] || $(PYBABEL) -q extract $(EXTRACT_FLAGS) -o $(I18N)/templates/$$name.pot $$paths || exit 1; \
	done

i18n-update: i18n-extract
	for name in $(CATALOG_NAMES); do \
		$(PYBABEL) -q update -D $$name -i $(I18N)/templates/$$name.pot -d $(I18N) -l id -w 100 --ignore-obsolete \
			--ignore-pot-creation-date || exit 1; \
	done

i18n-compile: $(STAMP)
	$(PYBABEL) compile -d $(I18N) -D "$(CATALOG_NAMES)" --statistics

i18n-check: $(STAMP)
	$(PY) -m pytest tests/functional/test_i18n.py -q

clean:
	rm -rf $(VENV) .pytest_cache build dist
