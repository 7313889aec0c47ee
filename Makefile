# Quick start targets. `make demo` and `make test` need only Python 3.11 on the machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench lint clean

$(BIN)/eligibility: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

demo: $(BIN)/eligibility
	$(BIN)/eligibility demo

test: $(BIN)/eligibility
	$(BIN)/pytest -n 2

lint: $(BIN)/eligibility
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) demo_data runs
