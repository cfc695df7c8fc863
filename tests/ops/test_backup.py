"""`manage.py backup` and `manage.py restore` as a deployer runs them, against a copy of the
test database (SQLite or PostgreSQL, whichever the suite runs on) and of its media files,
with the session's real Meilisearch: what a town adds after a backup and then loses comes
back with a restore, search included; a damaged archive or one from a newer release is
refused before anything is touched."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path

import meilisearch
import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.ops import backup_scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "from tests.ops import backup_scenario as s; s."
# The test database is set up only for tests that ask for it; these copy it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory, django_db_setup, django_db_blocker, meilisearch_server):
    """A site of its own: a copy of the test database (the demo town), of its media files,
    and an index prefix on the session's Meilisearch. Yields the environment of its
    `manage.py` commands."""
    folder = tmp_path_factory.mktemp("site-copy")
    shutil.copytree(settings.MEDIA_ROOT, folder / "media")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "COMMUNE_"))},
        "DJANGO_SETTINGS_MODULE": "commune.settings.dev",
        "COMMUNE_VAR_DIR": str(folder),
        "COMMUNE_MEDIA_ROOT": str(folder / "media"),
        "COMMUNE_BACKUP_DIR": str(folder / "backups"),
        "MEILISEARCH_URL": meilisearch_server.url,
        "MEILISEARCH_API_KEY": meilisearch_server.master_key,
        "MEILISEARCH_INDEX_PREFIX": f"restored{os.getpid()}",
    }
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with closing(sqlite3.connect(folder / "commune.sqlite3")) as copy:
                connection.connection.backup(copy)
            env["DATABASE_URL"] = f"sqlite:///{folder / 'commune.sqlite3'}"
            yield env
            return
        db = connection.settings_dict
        name = f"commune_backup_{os.getpid()}"
        server = f"host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']}"
        with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(
            ["pg_dump", "--format=custom", f"{server} dbname={db['NAME']}"],
            capture_output=True,
            check=True,
            env={**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""},
        )
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={server} dbname={name}"],
            input=dump.stdout,
            check=True,
            env={**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""},
        )
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{db['USER']}{password}@{host}/{name}"
        yield env
        with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def scenario(env: dict, call: str) -> str:
    result = manage(env, "shell", "-c", SCENARIO + call)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def summary(env: dict) -> dict:
    return json.loads(scenario(env, "summary()").strip().splitlines()[-1])


@pytest.fixture(scope="module")
def archive(site_copy) -> Path:
    """The archive `backup` wrote once the town had added a page, an image, a document and
    a contact."""
    scenario(site_copy, "create()")
    result = manage(site_copy, "backup")
    assert result.returncode == 0, result.stderr[-3000:]
    return Path(result.stdout.strip().splitlines()[-1])


def search(env: dict, query: str) -> list[str]:
    """Titles Meilisearch finds in the copy's French index."""
    meili = meilisearch.Client(env["MEILISEARCH_URL"], env["MEILISEARCH_API_KEY"])
    index = meili.index(f"{env['MEILISEARCH_INDEX_PREFIX']}_pages_fr")
    return [hit["title"] for hit in index.search(query)["hits"]]


def test_restore_brings_back_pages_documents_images_contacts_and_search(site_copy, archive):
    before = summary(site_copy)
    assert before["page"] and before["image"] and before["document"] and before["contact"]
    # Only its owner may read the archive: it holds residents' addresses.
    assert archive.stat().st_mode & 0o777 == 0o600
    assert archive.parent == Path(site_copy["COMMUNE_BACKUP_DIR"])

    scenario(site_copy, "lose()")
    lost = summary(site_copy)
    assert not (lost["page"] or lost["image"] or lost["document"] or lost["contact"])
    assert lost["stray"]

    result = manage(site_copy, "restore", "--no-input", str(archive))

    assert result.returncode == 0, result.stderr[-3000:]
    assert "checksums verified" in result.stdout
    assert summary(site_copy) == {**before, "stray": False}
    # The index was rebuilt from the restored database.
    assert backup_scenario.PAGE in search(site_copy, "ludothèque tilleuls")


def test_restore_asks_for_confirmation(site_copy, archive):
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=site_copy,
        input="no\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "Restore cancelled" in result.stderr


def corrupt_a_media_file(source: Path, target: Path) -> None:
    """Flip one byte in the data of the archive's first image, as a bad disk would."""
    shutil.copy(source, target)
    with tarfile.open(source) as archive:
        member = next(m for m in archive.getmembers() if m.name.startswith("media/images/"))
    with open(target, "r+b") as file:
        file.seek(member.offset_data + member.size // 2)
        byte = file.read(1)
        file.seek(-1, os.SEEK_CUR)
        file.write(bytes([byte[0] ^ 0xFF]))


def truncate(source: Path, target: Path) -> None:
    """Keep the first half of the archive, as a copy cut short would."""
    target.write_bytes(source.read_bytes()[: source.stat().st_size // 2])


def from_a_newer_release(source: Path, target: Path) -> None:
    """Rewrite the manifest as a newer release would have: one more migration of core."""
    with tarfile.open(source) as original, tarfile.open(target, "w") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"]["core"] = "9999_from_the_future"
                data = json.dumps(manifest).encode()
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize(
    "damage, message",
    [
        (corrupt_a_media_file, "is corrupted (its checksum does not match)"),
        (truncate, "no readable manifest"),
        (from_a_newer_release, "made by a newer release"),
    ],
)
def test_restore_refuses_a_damaged_or_newer_archive_and_changes_nothing(
    site_copy, archive, tmp_path, damage, message
):
    damaged = tmp_path / archive.name
    damage(archive, damaged)
    marker = Path(site_copy["COMMUNE_MEDIA_ROOT"]) / "written-after-the-backup.txt"
    marker.write_text("still here")

    result = manage(site_copy, "restore", "--no-input", str(damaged))

    assert result.returncode != 0
    assert "Refused" in result.stderr and message in result.stderr
    assert marker.exists()
    if damage is from_a_newer_release:
        assert "core.9999_from_the_future" in result.stderr
