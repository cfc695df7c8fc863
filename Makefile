# The two commands of the README. Everything else is an implementation detail of these.
.PHONY: demo test lint bench audit

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

bench:
	bash scripts/bench.sh

# Known vulnerabilities of the installed Python packages (PyPI's advisory database); --strict
# fails when a package could not be checked, rather than reporting a clean audit.
audit:
	bash scripts/setup.sh
	.venv/bin/pip-audit --skip-editable --strict --progress-spinner off
