# SiamCRNN for QGIS — developer commands. `make setup` then `make demo` / `make test`.
SHELL := /bin/bash
PYTHON := .venv/bin/python
PLUGIN := siamcrnn_qgis
export QT_QPA_PLATFORM ?= offscreen
# Let QGIS's embedded Python (qgis_process, the desktop) see the packages installed in .venv (torch).
VENV_SITE = $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' 2>/dev/null)
QGIS_PROCESS = $(shell scripts/find-qgis-process)
QGIS_PROFILE_PLUGINS ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
LOCALES := zh_CN fr
# Where `make package` writes the zip (tests pass a temporary folder).
DIST ?= dist

.PHONY: help setup test test-debian13 demo deploy package transup transcompile lint bench bench-quick bench-accuracy clean

help:
	@echo "make setup      system packages + .venv (torch, pytest, ruff)"
	@echo "make demo       generate the synthetic sample and run train -> detect -> evaluate via qgis_process"
	@echo "make test       the whole test suite, headless"
	@echo "make test-debian13 [QGIS=3.40|3.44]   make setup + make test inside a Debian 13 debootstrap root"
	@echo "                              (.debian13/; QGIS 3.40 from Debian 13 or 3.44 LTR from trixie-backports)"
	@echo "make deploy     install into your QGIS profile and enable the plugin"
	@echo "make package    $(DIST)/$(PLUGIN).zip for the QGIS plugin repository (DIST=folder to change)"
	@echo "make transup / transcompile   update the .ts sources / build the .qm files"
	@echo "make lint       ruff"
	@echo "make bench / bench-quick      performance benchmarks (benchmarks/)"
	@echo "make bench-accuracy           kappa of the defaults on every development set, both architectures"
	@echo "                              (ARCHITECTURE=patch for the patch model alone); updates docs/accuracy.md"

setup:
	bash scripts/setup.sh

test: transcompile
	$(PYTHON) -m pytest tests -ra

# Debian 13 root with QGIS 3.40 (Debian 13) or 3.44 LTR (trixie-backports): scripts/test-debian13.sh
# DEBIAN13_RUN='command' runs that inside instead of `make setup && make test`.
QGIS ?= 3.40
export DEBIAN13_RUN
test-debian13:
	QGIS=$(QGIS) bash scripts/test-debian13.sh

demo: transcompile
	PYTHONPATH="$(VENV_SITE)" $(PYTHON) scripts/demo.py --qgis-process "$(QGIS_PROCESS)"

deploy: transcompile
	$(PYTHON) scripts/build_plugin.py --dest "$(QGIS_PROFILE_PLUGINS)"
	"$(QGIS_PROCESS)" plugins enable $(PLUGIN) >/dev/null
	@echo "Installed into $(QGIS_PROFILE_PLUGINS)/$(PLUGIN) and enabled; restart QGIS."

package: transcompile
	rm -f "$(DIST)/$(PLUGIN).zip"
	$(PYTHON) scripts/build_plugin.py --zip "$(DIST)/$(PLUGIN).zip"

transup:
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' | sort) \
		$(foreach locale,$(LOCALES),-ts i18n/siamcrnn_$(locale).ts)

transcompile:
	@for ts in i18n/*.ts; do [ -e "$$ts" ] || continue; lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

lint:
	$(PYTHON) -m ruff check $(PLUGIN) tests scripts benchmarks

bench:
	PYTHONPATH="$(VENV_SITE)" $(PYTHON) benchmarks/run.py --all

bench-quick:
	PYTHONPATH="$(VENV_SITE)" $(PYTHON) benchmarks/run.py --quick

ARCHITECTURE ?= both
bench-accuracy: transcompile
	PYTHONPATH="$(VENV_SITE)" $(PYTHON) benchmarks/accuracy.py --architecture $(ARCHITECTURE) --update-docs \
		--json benchmarks/results/accuracy-$(ARCHITECTURE).json

clean:
	rm -rf build dist demo-output .pytest_cache .ruff_cache i18n/*.qm
	find . -name __pycache__ -prune -exec rm -rf {} +
