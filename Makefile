# shuzhi — two commands set everything up on a fresh clone: `make report` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SHUZHI := $(BIN)/shuzhi

.DEFAULT_GOAL := help
.PHONY: help report test check lint train-lint pdf bench bench-scale clean venv template messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $@

venv: $(INSTALLED) ## Create .venv and install the project (done automatically by the other targets)

report: $(INSTALLED) ## Build every draft of every unit into build/ (incremental), the overview of all units, then each unit's lint trend
	$(SHUZHI) build
	$(SHUZHI) overview
	@units=$$(for unit in $$(ls drafts 2>/dev/null | head -20); do [ -f drafts/$$unit/unit.yaml ] && printf -- '--trend %s ' $$unit; done); \
	if [ -n "$$units" ]; then $(SHUZHI) lint $$units; fi

test: $(INSTALLED) ## The gates (ruff, ruff format, mypy), then the test suite with coverage (floor in pyproject.toml)
	$(BIN)/ruff check pipeline tests bench
	$(BIN)/ruff format --check pipeline tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q --cov --cov-report=term; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

check: $(INSTALLED) ## Validate, lint and build everything, as CI does on every commit
	$(SHUZHI) check $(CHECK_ARGS)

lint: $(INSTALLED) ## Lint each unit's latest draft (older drafts are history; ALL=1 lints every draft)
	$(SHUZHI) lint $(if $(ALL),,--latest)

train-lint: $(INSTALLED) ## Retrain the lint's sentence scorer (pipeline/lint/data/scorer.tsv) from the labelled corpora (real text: dev part only)
	$(BIN)/python -m pipeline.lint.train pipeline/lint/data/scorer.tsv tests/lint/corpus/sentences.yaml \
		tests/lint/corpus/heldout*.yaml tests/lint/corpus_real/real.yaml

pdf: report ## PDF previews of the built reports (needs LibreOffice)
	$(SHUZHI) pdf

bench: $(INSTALLED) ## Speed and memory benchmarks (prints tables; installs the bench extra)
	$(BIN)/python -m pip install --quiet -e '.[test,dev,bench]'
	$(BIN)/python bench/run.py

bench-scale: $(INSTALLED) ## Nationwide-scale build benchmark (10/100/1,000 units x 8 drafts; ARGS=--quick for 10/100)
	$(BIN)/python bench/bench_scale.py $(ARGS)

template: $(INSTALLED) ## Regenerate templates/report.docx from pipeline/word/template_gen.py
	$(BIN)/python -m pipeline.word.template_gen templates/report.docx

messages: $(INSTALLED) ## Extract the messages from pipeline/, update the catalogs (.po), compile them (.mo, committed)
	@mkdir -p build/i18n
	$(BIN)/pybabel -q extract -k gettext_ -k tr -c TRANSLATORS: --add-location=file --sort-output \
		--project=shuzhi --copyright-holder="shuzhi authors" -o build/i18n/shuzhi.pot pipeline
	$(BIN)/pybabel -q update -D shuzhi -i build/i18n/shuzhi.pot -d pipeline/locale --ignore-obsolete \
		--no-fuzzy-matching --ignore-pot-creation-date
	$(BIN)/pybabel compile -D shuzhi -d pipeline/locale --statistics

clean: ## Remove build outputs
	rm -rf build test-artifacts
