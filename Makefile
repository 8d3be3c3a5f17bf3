# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench clean messages compiled-messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

# The reader-facing strings: locale/<language>/LC_MESSAGES/django.po are committed, the .mo files built here.
compiled-messages: $(VENV)/.installed-run
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity=0

# After changing template or gettext strings: collect them, convert the new ones to Traditional with OpenCC,
# then write the English msgstr of the new entries in locale/en/LC_MESSAGES/django.po by hand.
messages: $(VENV)/.installed-dev
	$(BIN)/python manage.py makemessages -l zh_Hant -l en --ignore=.venv --ignore=bench --ignore=tests --no-obsolete
	$(BIN)/python manage.py translate_messages

run: compiled-messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --port $(PORT)
	@echo "江门政务之窗: http://$(HOST):$(PORT)/    后台: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev compiled-messages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=jmportal.settings.test
	$(BIN)/python -m pytest -n 2 --dist loadgroup  # two workers; the demo tests and the browser tests each on one

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-dev  # needs PostgreSQL and Redis (docs/DEPLOY.md); installs nginx and wrk when missing
	command -v nginx >/dev/null && command -v wrk >/dev/null || \
		(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx wrk)
	$(BIN)/python bench/web.py
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) db.sqlite3 media collected-static .pytest_cache
