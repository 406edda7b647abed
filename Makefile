# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FONTS := /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf
TESSDATA := /usr/share/tesseract-ocr/5/tessdata/vie.traineddata

.PHONY: demo test bench bench-neural lint setup setup-dev setup-coqui system-deps clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,piper]'
	touch $(VENV)/.installed $@

# CI adds Coqui (PyTorch, about 4 GB) so that engine is never untested.
$(VENV)/.installed-coqui: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,piper,coqui]'
	touch $(VENV)/.installed $(VENV)/.installed-dev $@

# The interface's messages: the install compiles the .po catalogs into .mo (setup.py); a .po
# edited since is compiled again by installing again. `make messages` extracts the messages
# of the source into the template and merges them into each .po (translate the new ones,
# then commit).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard tts_pipeline/locale/*/LC_MESSAGES/*.po))
%.mo: %.po | $(VENV)/.installed
	$(BIN)/pip install --quiet --no-deps -e .

setup: $(VENV)/.installed $(CATALOGS)
setup-dev: $(VENV)/.installed-dev $(CATALOGS)
setup-coqui: $(VENV)/.installed-coqui $(CATALOGS)

messages: $(VENV)/.installed-dev
	$(BIN)/python tools/messages.py update
	$(BIN)/python tools/messages.py check

# The tests draw Vietnamese PDFs with DejaVu fonts (and legacy-font ones with LibreOffice),
# read scans with Tesseract's Vietnamese model, open the published pages in Chromium, serve
# them with nginx (wrk loads it in the bench) and read QR codes with zbarimg: install what is
# missing (Debian packages).
SYSTEM_PACKAGES := fonts-dejavu-core fonts-dejavu-extra tesseract-ocr tesseract-ocr-vie \
	chromium chromium-driver nginx-light wrk zbar-tools
system-deps:
	@test -f $(FONTS) && test -f $(TESSDATA) && command -v chromium chromedriver nginx wrk \
		zbarimg soffice >/dev/null || { apt-get update -qq && \
		apt-get install -y -qq $(SYSTEM_PACKAGES) && \
		apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui; }

demo: setup
	$(BIN)/tts-pipeline convert input/*.pdf --out output --mp3-single
	$(BIN)/tts-pipeline publish output --site output/site --base-url http://127.0.0.1:8000

# axe-core, the accessibility checker the browser tests run in Chromium (npm registry).
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

test: setup-dev system-deps $(AXE)
	$(BIN)/python -m pytest -q

lint: setup-dev
	$(BIN)/ruff check tts_pipeline tests bench tools

bench: setup-dev system-deps
	$(BIN)/python bench/run.py
	$(BIN)/python bench/site_load.py

# Real-time factor of the catalogue's neural voices, each rebuilt with random weights at its
# published architecture and size (nothing is downloaded; about 20 min on two cores).
bench-neural: setup-coqui
	$(BIN)/python bench/neural_rtf.py

clean:
	rm -rf output/*/ output/.cache
