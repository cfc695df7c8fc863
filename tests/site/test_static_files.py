"""Production static files: hashed names, gzip and brotli copies, one-year immutable cache.

The files are really collected (production storage, temporary STATIC_ROOT) and really
served by WhiteNoise through the production middleware, so the headers are the ones a
browser gets. Only the project's own static folders are collected: Wagtail's admin assets
would add ~18 s and exercise nothing of ours.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings

from commune.settings import base

# Files the public pages link to (site/templates/base.html).
LINKED_FILES = ["css/site.css", "js/header.js", "search/autocomplete.js"]


def _project_static_dirs() -> list[str]:
    """STATICFILES_DIRS plus the static folders of the project's own apps (not installed
    packages): everything the public pages reference, without the admin's assets."""
    dirs = [str(d) for d in base.STATICFILES_DIRS]
    for app in apps.get_app_configs():
        static = Path(app.path) / "static"
        if static.is_dir() and "site-packages" not in static.parts:
            dirs.append(str(static))
    return dirs


def _production_static(static_root: Path) -> dict[str, Any]:
    """Settings overrides: production storage and middleware, a temporary STATIC_ROOT."""
    return {
        "STATIC_ROOT": str(static_root),
        "STORAGES": {**settings.STORAGES, "staticfiles": base.STORAGES["staticfiles"]},
        "STATICFILES_FINDERS": ["django.contrib.staticfiles.finders.FileSystemFinder"],
        "STATICFILES_DIRS": _project_static_dirs(),
        "MIDDLEWARE": base.MIDDLEWARE,
    }


@pytest.fixture(scope="module")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("static")
    with override_settings(**_production_static(root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(static_root: Path) -> Iterator[Path]:
    # The client is created inside the override: WhiteNoise indexes STATIC_ROOT when the
    # middleware chain is built, at the first request.
    with override_settings(**_production_static(static_root)):
        yield static_root


@pytest.fixture
def manifest(static_root: Path) -> dict[str, str]:
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def _get(path: str, **headers: str):
    return Client().get(path, headers=headers)


@pytest.mark.parametrize("name", LINKED_FILES)
def test_linked_files_get_hashed_names(name: str, manifest: dict[str, str]):
    hashed = manifest[name]
    stem, suffix = name.rsplit(".", 1)
    assert hashed.startswith(stem + ".") and hashed.endswith("." + suffix)
    assert len(hashed.split(".")[-2]) == 12  # Django's content hash


@pytest.mark.parametrize("name", LINKED_FILES)
def test_gzip_and_brotli_copies_decompress_to_the_file(
    name: str, static_root: Path, manifest: dict[str, str]
):
    path = static_root / manifest[name]
    original = path.read_bytes()
    assert gzip.decompress(Path(f"{path}.gz").read_bytes()) == original
    assert brotli.decompress(Path(f"{path}.br").read_bytes()) == original


@pytest.mark.parametrize(("accepted", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip")])
def test_browser_gets_the_precompressed_copy_it_accepts(
    accepted: str, encoding: str, production_static: Path, manifest: dict[str, str]
):
    url = settings.STATIC_URL + manifest["css/site.css"]
    response = _get(url, accept_encoding=accepted)
    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert response["Vary"] == "Accept-Encoding"
    body = b"".join(response.streaming_content)
    assert body == (production_static / f"{manifest['css/site.css']}.{encoding[:2]}").read_bytes()


def test_without_accept_encoding_the_file_is_sent_as_is(
    production_static: Path, manifest: dict[str, str]
):
    response = _get(settings.STATIC_URL + manifest["js/header.js"])
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response["Content-Type"].startswith("text/javascript")


def test_hashed_file_is_cached_for_one_year(production_static: Path, manifest: dict[str, str]):
    response = _get(settings.STATIC_URL + manifest["css/site.css"], accept_encoding="br")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.has_header("ETag")
    assert response.has_header("Last-Modified")


def test_file_without_hash_keeps_a_short_lifetime(production_static: Path):
    response = _get(settings.STATIC_URL + "css/site.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"


def test_revalidation_with_etag_or_date_costs_a_304(
    production_static: Path, manifest: dict[str, str]
):
    url = settings.STATIC_URL + manifest["css/site.css"]
    first = _get(url, accept_encoding="br")
    by_etag = _get(url, accept_encoding="br", if_none_match=first["ETag"])
    by_date = _get(url, accept_encoding="br", if_modified_since=first["Last-Modified"])
    for again in (by_etag, by_date):
        assert again.status_code == 304
        assert b"".join(again.streaming_content) == b""
        assert again["ETag"] == first["ETag"]


@pytest.mark.django_db
def test_pages_link_to_the_hashed_files(production_static: Path, manifest: dict[str, str]):
    html = _get("/").content.decode()
    for name in LINKED_FILES:
        assert f'"{settings.STATIC_URL}{manifest[name]}"' in html
        assert f'"{settings.STATIC_URL}{name}"' not in html
