"""Backups of a site: its database and media files in one tar archive, and their restoration.

An archive holds:

- `database.pgdump` (pg_dump's custom format) or `database.sqlite3` (a copy made with
  SQLite's online backup API), depending on the database engine;
- `media/…`: every file under MEDIA_ROOT (originals, renditions, documents);
- `manifest.json`, written last: the format, the creation date, the release, the database
  engine, the latest applied migration of each app, and the SHA-256 of every other file.

A restore first reads the whole archive and checks every checksum, then refuses a backup
whose schema the code does not know (made by a newer release), and only then replaces the
database and the media files.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup could not be made, or an archive must not be restored; the message says why."""


def create_backup(directory: Path, alias: str = DEFAULT_DB_ALIAS) -> Path:
    """Write a new archive of the database and the media files into `directory` and return
    its path. The archive appears under its final name only once complete, readable by its
    owner alone (it holds personal data: contacts, accounts)."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    directory = Path(directory).resolve()
    if directory.is_relative_to(media_root):
        raise BackupError(f"{directory} is inside MEDIA_ROOT, which the web server publishes.")
    directory.mkdir(parents=True, exist_ok=True)
    engine = database_engine(alias)
    created = timezone.now()
    name = f"commune-{created:%Y%m%d-%H%M%S}.tar"
    # A work folder beside the archive: same file system for the final rename, and a name
    # that the retention's `commune-*.tar` pattern does not match.
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=directory) as work:
        database_file = Path(work) / DATABASE_FILES[engine]
        migrations = latest_migrations(alias)
        _dump_database(engine, alias, database_file)
        partial = Path(work) / name
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as archive:
            checksums = {database_file.name: _add_file(archive, database_file, database_file.name)}
            # Media after the database: every file the dumped rows name was already there.
            for path in _media_files(media_root):
                arcname = MEDIA_PREFIX + path.relative_to(media_root).as_posix()
                checksums[arcname] = _add_file(archive, path, arcname)
            manifest = {
                "format": FORMAT,
                "created_at": created.isoformat(),
                "release": settings.COMMUNE_RELEASE,
                "database": engine,
                "migrations": migrations,
                "files": checksums,
            }
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2).encode(), created)
        os.replace(partial, directory / name)
    return directory / name


def verify_backup(path: Path, alias: str = DEFAULT_DB_ALIAS) -> dict[str, Any]:
    """The manifest of the archive at `path` once every file's checksum matches, the code
    knows its schema and its database engine is this site's; BackupError otherwise."""
    with _open_archive(path) as archive:
        manifest = _read_manifest(archive)
        members = _regular_members(archive)
        expected = manifest["files"]
        if set(members) != set(expected):
            missing = sorted(set(expected) - set(members))
            extra = sorted(set(members) - set(expected))
            raise BackupError(
                f"{path}: the archive does not match its manifest "
                f"(missing: {missing[:5]}, not listed: {extra[:5]})."
            )
        for name, checksum in expected.items():
            if _sha256(archive.extractfile(members[name])) != checksum:
                raise BackupError(f"{path}: {name} is corrupted (its checksum does not match).")
    if manifest["database"] != database_engine(alias):
        raise BackupError(
            f"{path} holds a {manifest['database']} database; this site uses "
            f"{database_engine(alias)}."
        )
    if unknown := unknown_migrations(manifest["migrations"]):
        raise BackupError(
            f"{path} was made by a newer release: its schema has migrations this code does not "
            f"know ({', '.join(unknown)}). Deploy that release (or a later one), then restore."
        )
    return manifest


def restore_backup(path: Path, manifest: dict[str, Any], alias: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the database, then the media files, with those of a verified archive. The
    caller applies the code's newer migrations and rebuilds what derives from the data."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with (
        _open_archive(path) as archive,
        tempfile.TemporaryDirectory(prefix=".restore-", dir=Path(path).resolve().parent) as work,
    ):
        database_name = DATABASE_FILES[manifest["database"]]
        archive.extract(database_name, work, filter="data")
        _restore_database(manifest["database"], alias, Path(work) / database_name)
        _restore_media(archive, media_root)


def database_engine(alias: str = DEFAULT_DB_ALIAS) -> str:
    """ "postgresql" or "sqlite", the engines backups support."""
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def latest_migrations(alias: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """The latest applied migration of each app, in the order of the migration graph (the
    order of the records is not it: Django records a squashed migration last). A recorded
    migration that this code does not have is newer than all it has."""
    loader = MigrationLoader(connections[alias])
    applied = loader.applied_migrations
    latest: dict[str, str] = {}
    for leaf in loader.graph.leaf_nodes():
        for app, name in loader.graph.forwards_plan(leaf):
            if app == leaf[0] and (app, name) in applied:
                latest[app] = name
    for app, name in sorted(set(applied) - set(loader.disk_migrations)):
        latest[app] = name
    return latest


def unknown_migrations(migrations: dict[str, str]) -> list[str]:
    """The migrations of `migrations` that this code's migration files do not have."""
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return sorted(f"{app}.{name}" for app, name in migrations.items() if (app, name) not in known)


def _media_files(media_root: Path) -> list[Path]:
    """Regular files under MEDIA_ROOT; symbolic links are not followed (they could point
    anywhere on the server)."""
    if not media_root.is_dir():
        return []
    return sorted(
        Path(folder) / name
        for folder, _, names in os.walk(media_root)
        for name in names
        if (Path(folder) / name).is_file() and not (Path(folder) / name).is_symlink()
    )


class _HashingReader:
    """Reads a file for tarfile while hashing exactly the bytes that go into the archive."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_file(archive: tarfile.TarFile, path: Path, arcname: str) -> str:
    info = archive.gettarinfo(path, arcname)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with open(path, "rb") as file:
        reader = _HashingReader(file)
        archive.addfile(info, reader)
    return reader.sha256.hexdigest()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes, mtime: datetime) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(mtime.timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _sha256(file: IO[bytes] | None) -> str:
    sha256 = hashlib.sha256()
    while file is not None and (chunk := file.read(CHUNK)):
        sha256.update(chunk)
    return sha256.hexdigest()


def _open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path} is not a readable backup archive ({error}).") from error


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive.name} has no readable manifest ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive.name}: not a manifest of this backup format ({FORMAT}).")
    if not {"database", "migrations", "files"} <= manifest.keys():
        raise BackupError(f"{archive.name}: the manifest is incomplete.")
    return manifest


def _regular_members(archive: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    """The archive's files but the manifest; anything else than a plain file with a
    relative path (a link, a device, `../`) makes the archive refused."""
    try:
        members = archive.getmembers()
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{archive.name} is damaged ({error}).") from error
    files = {}
    for member in members:
        parts = PurePosixPath(member.name).parts
        if not member.isfile() or PurePosixPath(member.name).is_absolute() or ".." in parts:
            raise BackupError(f"{archive.name}: unexpected entry {member.name!r}.")
        if member.name != MANIFEST:
            files[member.name] = member
    return files


def _dump_database(engine: str, alias: str, target: Path) -> None:
    connection = connections[alias]
    if engine == "sqlite":
        with (
            closing(_sqlite_connect(connection.settings_dict["NAME"])) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
        return
    _run(["pg_dump", "--format=custom", f"--file={target}"], _libpq_environment(connection))


def _restore_database(engine: str, alias: str, source_file: Path) -> None:
    connection = connections[alias]
    if engine == "sqlite":
        connection.close()
        with (
            closing(sqlite3.connect(source_file)) as source,
            closing(_sqlite_connect(connection.settings_dict["NAME"])) as live,
        ):
            # One step: the live database goes from its old content to the backup's at once.
            source.backup(live)
        return
    _restore_postgresql(connection, source_file)


def _sqlite_connect(name) -> sqlite3.Connection:
    # Waits for the web server's or worker's write transactions, as the site does.
    return sqlite3.connect(name, timeout=20)


def _restore_postgresql(connection, dump: Path) -> None:
    """Drop every table of the database and create the backup's in a single transaction:
    pg_restore writes the backup as SQL, which psql runs after the DROP. A failure leaves
    the database as it was; tables of a newer release are dropped too, and `migrate`
    creates them again."""
    tables = connection.introspection.table_names()
    connection.close()
    environment = _libpq_environment(connection)
    drop = []
    if tables:
        quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
        drop = [f"--command=DROP TABLE IF EXISTS {quoted} CASCADE"]
    with tempfile.TemporaryFile() as errors:
        try:
            script = subprocess.Popen(
                ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(dump)],
                stdout=subprocess.PIPE,
                stderr=errors,
                env=environment,
            )
        except FileNotFoundError as error:
            raise BackupError("pg_restore is not installed (PostgreSQL's client tools).") from error
        psql = subprocess.run(
            ["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction"]
            + [*drop, "--file=-"],
            stdin=script.stdout,
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        script.stdout.close()
        script.wait()
        # psql first: when it stops on an error, pg_restore dies of the closed pipe.
        if psql.returncode != 0:
            raise BackupError(f"psql failed, the database is unchanged: {psql.stderr.strip()}")
        if script.returncode != 0:
            errors.seek(0)
            raise BackupError(f"pg_restore failed: {errors.read().decode(errors='replace')}")


def _libpq_environment(connection) -> dict[str, str]:
    """The database's connection settings as libpq variables for pg_dump, pg_restore and
    psql: the password never shows on a command line (which `ps` lists)."""
    environment = dict(os.environ)
    settings_dict = connection.settings_dict
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    if sslmode := settings_dict.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    return environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=environment, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools).") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _restore_media(archive: tarfile.TarFile, media_root: Path) -> None:
    """Extract the backup's media into a folder inside MEDIA_ROOT (which may be a mount
    point), then put its entries in place of the current ones."""
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root))
    try:
        members = [m for m in archive.getmembers() if m.name.startswith(MEDIA_PREFIX)]
        archive.extractall(staging, members=members, filter="data")
        for entry in media_root.iterdir():
            if entry == staging:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        extracted = staging / MEDIA_PREFIX.rstrip("/")
        if extracted.is_dir():
            for entry in extracted.iterdir():
                entry.rename(media_root / entry.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
