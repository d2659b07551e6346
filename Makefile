# Filmfolio: `make run` serves the product with the demo catalogue; `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
FILMFOLIO := $(VENV)/bin/filmfolio
PYTEST := $(VENV)/bin/pytest
PG_URL ?= postgres://postgres@127.0.0.1:5432/filmfolio

.PHONY: run dev deploy-check test test-pg test-pg-all lint complexity typecheck check-migrations pytest deps system-deps \
        venv messages demo bench-pages bench-search bench-import bench-media bench-media-path bench-presskit \
        bench-backup eval-import eval-search clean api-snapshot api-fuzz vendor-hls vendor-tus vendor-swagger-ui \
        vendor-axe-core media-check

## Setup -------------------------------------------------------------------------------------
system-deps:
	@bash scripts/system-deps.sh

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --quiet
	@touch $@

venv: $(VENV)/.synced

deps: system-deps venv messages

messages: venv
	@if find filmfolio -name '*.po' | grep -q .; then \
	  $(FILMFOLIO) compilemessages --ignore .venv --ignore var -v0; fi

## The product -------------------------------------------------------------------------------
# Production settings under gunicorn (DEBUG off), with the worker; see docs/operations.md.
run: deps
	@bash scripts/run.sh

# The development server with DEBUG on, with the worker.
dev: deps
	@bash scripts/run.sh --dev

demo: deps
	$(FILMFOLIO) migrate --no-input -v0
	$(FILMFOLIO) demo

## Checks ------------------------------------------------------------------------------------
test: deps lint typecheck check-migrations pytest

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(MAKE) --no-print-directory complexity

# Cyclomatic complexity as STYLE counts it (boolean operators and asserts count): every function
# and class at most 10 (rank B), every module's blocks at most 10, the average at most 5 (rank A).
# Tests are checked without counting asserts: a test is a list of assertions, not branches.
XENON := $(VENV)/bin/xenon --max-absolute B --max-modules B --max-average A
empty :=
space := $(empty) $(empty)
comma := ,
COMPLEXITY_EXCLUDE := $(subst $(space),$(comma),$(strip \
  */tests/* */migrations/*))
COMPLEXITY_TESTS_EXCLUDE := */migrations/*

complexity: venv
	$(XENON) --exclude '$(COMPLEXITY_EXCLUDE)' filmfolio config
	$(XENON) --no-assert --exclude '$(COMPLEXITY_TESTS_EXCLUDE)' tests $(wildcard filmfolio/*/tests)

typecheck: venv
	$(VENV)/bin/mypy filmfolio config

check-migrations: venv
	DJANGO_SETTINGS_MODULE=config.settings.test $(FILMFOLIO) makemigrations --check --dry-run -v1

pytest: venv
	$(PYTEST) -q -p no:cacheprovider --durations=20

# The suite's database tests against PostgreSQL (used by CI beside `make test`): every test that
# opens the database, except the browser journeys, which drive the same views as their tests.
# A test that never opens a connection answers the same on either engine and runs once, in
# `make test`. `make test-pg-all` runs everything on PostgreSQL.
test-pg: deps
	DATABASE_URL=$(PG_URL) FILMFOLIO_TEST_SCOPE=database $(PYTEST) -q -p no:cacheprovider \
	  --durations=20 -m "not browser"

test-pg-all: deps
	DATABASE_URL=$(PG_URL) $(PYTEST) -q -p no:cacheprovider --durations=20

# Production settings end to end on a scratch folder: static files, check --deploy, gunicorn.
deploy-check: deps
	$(PY) scripts/deploy_check.py

## Numbers -----------------------------------------------------------------------------------
bench-import: deps
	$(PY) bench/bench_import.py
	$(PY) bench/bench_bulk_import.py

bench-pages: deps
	$(PY) bench/bench_pages.py --write

bench-media: deps
	$(PY) bench/bench_media.py

bench-media-path: deps
	$(PY) bench/bench_media_path.py

bench-search: deps
	$(PY) bench/bench_search.py --films $${FILMS:-10000} --seed 1 --db $${DB:-sqlite}

# MRR and nDCG@10 of the search relevance set per query group, on SQLite, or on PostgreSQL when
# DATABASE_URL is set (a database of its own: its catalogue is replaced).
eval-search: deps
	$(PY) bench/eval_search.py $${EVAL_ARGS:-}

# Refresh the committed hls.js (only when upgrading it).
HLS_VERSION ?= 1.6.19
vendor-hls:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack hls.js@$(HLS_VERSION) && tar xzf hls.js-*.tgz && \
	  cp package/dist/hls.min.js package/LICENSE $(CURDIR)/filmfolio/media/static/media/vendor/hls.js/ && \
	  sed -i '/^\/\/# sourceMappingURL=/d' $(CURDIR)/filmfolio/media/static/media/vendor/hls.js/hls.min.js

# Refresh the committed tus-js-client of the media manager (only when upgrading it).
TUS_VERSION ?= 4.3.1
vendor-tus:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack tus-js-client@$(TUS_VERSION) && tar xzf tus-js-client-*.tgz && \
	  cp package/dist/tus.min.js package/LICENSE $(CURDIR)/filmfolio/media/static/media/vendor/tus-js-client/ && \
	  sed -i '/^\/\/# sourceMappingURL=/d' $(CURDIR)/filmfolio/media/static/media/vendor/tus-js-client/tus.min.js

# Refresh the committed Swagger UI of /api/v1/docs (only when upgrading it; keep the version in
# filmfolio/api/docs.py in step).
SWAGGER_UI_VERSION ?= 5.36.0
vendor-swagger-ui:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack swagger-ui-dist@$(SWAGGER_UI_VERSION) && \
	  tar xzf swagger-ui-dist-*.tgz && cd package && \
	  cp swagger-ui-bundle.js swagger-ui-bundle.js.LICENSE.txt swagger-ui.css LICENSE NOTICE \
	    $(CURDIR)/filmfolio/api/static/api/vendor/swagger-ui/ && \
	  sed -i '/sourceMappingURL=/d' $(CURDIR)/filmfolio/api/static/api/vendor/swagger-ui/*.js \
	    $(CURDIR)/filmfolio/api/static/api/vendor/swagger-ui/*.css

# Refresh the committed axe-core that the accessibility browser test injects (tests only; only
# when upgrading it).
AXE_CORE_VERSION ?= 4.14.1
vendor-axe-core:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack axe-core@$(AXE_CORE_VERSION) && tar xzf axe-core-*.tgz && \
	  mkdir -p $(CURDIR)/tests/vendor/axe-core && \
	  cp package/axe.min.js package/LICENSE $(CURDIR)/tests/vendor/axe-core/ && \
	  echo $(AXE_CORE_VERSION) > $(CURDIR)/tests/vendor/axe-core/VERSION

# Files without records and records without files.
media-check: venv
	$(FILMFOLIO) media-check

bench-presskit: deps
	$(PY) bench/bench_presskit.py

# Backup, restore and transfer of the 10,000-film catalogue with media (PostgreSQL at PG_URL's
# server for the transfer); writes docs/benchmarks-ops.md.
bench-backup: deps
	FILMFOLIO_BENCH_PG=$(dir $(PG_URL)) $(PY) bench/bench_backup.py --films 10000 --seed 1 --write

## API ---------------------------------------------------------------------------------------
# Rewrite filmfolio/api/openapi.snapshot.json after an intended API change (a test compares).
api-snapshot: venv
	DJANGO_SETTINGS_MODULE=config.settings.test $(FILMFOLIO) api_snapshot

# schemathesis against the live API: all checks, stateful phase (also part of `make pytest`).
api-fuzz: venv
	FILMFOLIO_FUZZ_EXAMPLES=$${FILMFOLIO_FUZZ_EXAMPLES:-30} $(PYTEST) -q -p no:cacheprovider tests/test_schemathesis.py

eval-import: deps
	$(PY) bench/eval_import.py

clean:
	rm -rf var/*.sqlite3* var/static var/media test-artifacts
