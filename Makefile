# The two commands of the README. Everything else is an implementation detail of these.
.PHONY: demo test lint bench

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

bench:
	bash scripts/bench.sh
