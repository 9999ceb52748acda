# dondoc — the two commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt

.PHONY: run test setup system-deps lint bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

system-deps:
	@bash scripts/install-system-deps.sh

# Byte-compile the package: every `dondoc` command starts a process, and where the environment sets
# PYTHONDONTWRITEBYTECODE nothing else would cache the compiled modules (~0.1 s per start).
setup: system-deps $(STAMP)
	@$(BIN)/python -m compileall -q src > /dev/null

# Extract the bundled sample (readable view + JSON), then seed the demo database under
# .dondoc-demo/ and serve the web app (Ctrl-C to stop). PORT=8000 by default.
PORT ?= 8000
run: setup
	@mkdir -p out
	$(BIN)/dondoc view $(SAMPLE) --out out/ket-luan-thanh-uy-hai-phong-2021-q2.json
	DONDOC_HOME=$(CURDIR)/.dondoc-demo $(BIN)/dondoc demo --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup lint
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
