"""The production settings, in a fresh interpreter: they load only what production needs (no
demo town, no browser tooling) and `manage.py check --deploy` has nothing to say."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

IMPORT_EVERYTHING = """
import importlib, sys
import django
django.setup()
from django.apps import apps
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

get_wsgi_application()
importlib.import_module(settings.ROOT_URLCONF)
get_resolver().url_patterns
for config in apps.get_app_configs():
    for submodule in ("models", "wagtail_hooks"):
        name = f"{config.name}.{submodule}"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
print("apps:", *sorted(config.name for config in apps.get_app_configs()))
print("loaded:", *sorted({name.split(".")[0] for name in sys.modules}))
"""


@pytest.fixture
def production_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "MEILISEARCH_", "REDIS_", "COMMUNE_", "SMS_")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="commune.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="www.example.fr",
        MEILISEARCH_URL="https://recherche.example.fr",
        MEILISEARCH_API_KEY=secrets.token_hex(16),
        DATABASE_URL=f"sqlite:///{tmp_path / 'commune.sqlite3'}",
        COMMUNE_VAR_DIR=str(tmp_path),
        PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        SMS_BACKEND="brevo",
        SMS_BREVO_API_KEY=secrets.token_hex(16),
        SMS_WEBHOOK_SECRET=secrets.token_urlsafe(32),
    )
    return env


def run(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_loads_no_demo_and_no_browser_tooling(production_env):
    result = run(production_env, "-c", IMPORT_EVERYTHING)

    assert result.returncode == 0, result.stderr
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines())
    apps, loaded = lines["apps"].split(), lines["loaded"].split()
    assert "accessibility" in apps and "search" in apps
    assert "demo" not in apps
    for package in ["demo", "playwright", "ecoindex"]:
        assert package not in loaded, package


def test_check_deploy_finds_no_issue(production_env):
    result = run(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(
    "sms_settings, message",
    [
        ({"SMS_BACKEND": "console"}, "newsletters.W001"),
        ({"SMS_BACKEND": "ovh"}, "SMS_OVH_"),
        ({"SMS_WEBHOOK_SECRET": ""}, "newsletters.W002"),
    ],
)
def test_check_deploy_warns_of_sms_that_would_not_leave(production_env, sms_settings, message):
    production_env.update(sms_settings)
    result = run(production_env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert message in result.stdout + result.stderr
