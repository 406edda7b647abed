# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FONTS := /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf

.PHONY: demo test bench lint setup setup-dev setup-coqui fonts clean

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

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev
setup-coqui: $(VENV)/.installed-coqui

# The tests draw Vietnamese PDFs with DejaVu fonts; install them where they are missing.
fonts:
	@test -f $(FONTS) || { apt-get update -qq && apt-get install -y -qq fonts-dejavu-core fonts-dejavu-extra; }

demo: setup
	$(BIN)/tts-pipeline convert input/*.pdf --out output

test: setup-dev fonts
	$(BIN)/python -m pytest -q

lint: setup-dev
	$(BIN)/ruff check tts_pipeline tests bench tools

bench: setup-dev fonts
	$(BIN)/python bench/run.py

clean:
	rm -rf output/*/ output/.cache
