"""Import of the town's current list from a CSV file, as Brevo, Mailchimp or a spreadsheet
exports it. Nothing comes in without consent information: each row needs a consent date
(or a consent flag with the date the address was added), and the consent recorded names
the file and the original list. A row may give the contact's mobile number too: it must be
a mobile (newsletters.phones), and it brings no SMS consent with it.

The file is read from disk, never whole in memory, in three passes: the bytes (encoding,
line lengths), the addresses (duplicates, through a bitmap of fingerprints) and the rows
(checked by chunks against the contacts and the suppression list). A dry run reports every
refused row and why; the real import runs the same checks and writes in one transaction."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from core.models import Theme

from .models import Channel, Consent, Contact, Suppression
from .models.audience import ConsentSource, address_hash, normalise_email
from .phones import parse_mobile

# No contact row is this long: a longer line means the file is not a list of contacts.
MAX_LINE_BYTES = 64 * 1024
# Rows checked against the database (and written) together.
CHUNK_ROWS = 1000
# Row notes a report keeps in memory; the others reach `on_note` only.
NOTES_KEPT = 1000
DELIMITERS = (";", ",", "\t")
# The bitmap of addresses seen, for duplicates: 1 MB, whatever the file's size.
SEEN_BITMAP_BYTES = 2**20

# What each column means, under the names Brevo, Mailchimp and French spreadsheets give it
# (compared once lower-cased, without accents, other characters turned into "_").
COLUMN_NAMES = {
    "email": [
        "email",
        "e_mail",
        "email_address",
        "e_mail_address",
        "adresse_email",
        "adresse_e_mail",
        "adresse_mail",
        "adresse_electronique",
        "courriel",
        "mail",
    ],
    "first_name": ["prenom", "first_name", "firstname", "fname"],
    # Brevo exports the mobile as "SMS", Mailchimp as "Phone Number".
    "phone": [
        "mobile",
        "telephone_mobile",
        "tel_mobile",
        "portable",
        "telephone_portable",
        "numero_de_mobile",
        "numero_mobile",
        "sms",
        "mobile_phone",
        "mobile_number",
        "phone",
        "phone_number",
        "telephone",
        "tel",
        "numero_de_telephone",
    ],
    # Mailchimp's CONFIRM_TIME (double opt-in confirmed) is the consent; OPTIN_TIME the
    # sign-up, used when there was no confirmation step.
    "consent_date": [
        "consentement_le",
        "consenti_le",
        "date_consentement",
        "date_de_consentement",
        "date_du_consentement",
        "consent_date",
        "consented_at",
        "confirm_time",
        "optin_time",
        "opt_in_date",
        "optin_date",
        "date_optin",
    ],
    "consent_flag": ["double_opt_in", "opt_in", "optin", "consentement", "consent"],
    "added_date": [
        "added_time",
        "date_ajout",
        "date_d_ajout",
        "date_inscription",
        "date_d_inscription",
        "inscrit_le",
        "created_at",
        "date_creation",
        "date_de_creation",
    ],
    "left_list": [
        "unsub_time",
        "clean_time",
        "desinscrit_le",
        "date_desinscription",
        "date_de_desinscription",
        "unsubscribed_at",
        "email_blacklisted",
        "blacklisted",
        "desinscrit",
    ],
    "themes": ["themes", "theme", "thematiques", "thematique"],
    "language": ["langue", "language", "lang"],
    "source": ["source", "origine", "provenance"],
}
# Mailchimp writes its times in UTC; other naive times are the town's.
UTC_COLUMNS = {"confirm_time", "optin_time", "unsub_time", "clean_time"}
YES = {"yes", "oui", "y", "o", "1", "true", "vrai", "x", "subscribed", "abonne", "confirmed"}
# Brevo's DOUBLE_OPT-IN category: 1 = yes, 2 = no.
NO = {"no", "non", "n", "0", "2", "false", "faux", "unsubscribed", "desabonne"}
DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
THEME_SEPARATORS = re.compile(r"[,;|]")
# The five bytes Windows-1252 leaves undefined.
NOT_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


class ImportFileError(Exception):
    """The file cannot be imported at all; the message (in French) says why."""


class Outcome(models.TextChoices):
    MERGED = "merged", _("Déjà dans les contacts : fusionné")
    INVALID_ADDRESS = "invalid_address", _("Adresse électronique invalide")
    INVALID_PHONE = "invalid_phone", _("Numéro de mobile refusé")
    NO_CONSENT = "no_consent", _("Pas d'information de consentement")
    LEFT_LIST = "left_list", _("Désinscrit ou retiré de la liste d'origine")
    WITHDRAWN = "withdrawn", _("Consentement retiré depuis auprès de la commune")
    DUPLICATE = "duplicate", _("Doublon dans le fichier")
    SUPPRESSED = "suppressed", _("Adresse ou numéro bloqué (liste d'opposition)")
    NO_THEME = "no_theme", _("Thème absent, inconnu ou hors de votre service")


@dataclass(frozen=True)
class RowNote:
    """What happened to one row that was not simply imported."""

    line: int
    address: str
    outcome: Outcome
    detail: str = ""

    @property
    def refused(self) -> bool:
        return self.outcome != Outcome.MERGED


@dataclass
class FileFormat:
    """How the file is written: what the first pass found."""

    encoding: str
    delimiter: str
    # Our field → the file's columns for it (number and heading as compared), by priority.
    columns: dict[str, list[tuple[int, str]]]
    ignored_columns: list[str]
    rows: int
    encoding_notice: str = ""

    @property
    def delimiter_label(self) -> str:
        return {";": _t("point-virgule"), ",": _t("virgule"), "\t": _t("tabulation")}[
            self.delimiter
        ]


@dataclass
class ImportReport:
    """What an import did, or would do for a dry run: counts, and the rows not simply
    imported (refused, or merged into an existing contact)."""

    format: FileFormat
    committed: bool
    created: int = 0
    merged: int = 0
    consents: int = 0
    refused: Counter = field(default_factory=Counter)
    notes: list[RowNote] = field(default_factory=list)
    notes_not_kept: int = 0

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    def refused_by_reason(self) -> list[tuple[str, int]]:
        return [(Outcome(code).label, count) for code, count in self.refused.most_common()]


@dataclass
class Candidate:
    """A row that passed the checks the file alone allows."""

    line: int
    email: str
    phone: str
    first_name: str
    language: str
    theme_ids: list[int]
    consent_at: datetime
    source: str
    hash: str
    phone_hash: str


# -- reading the file -------------------------------------------------------------------


def heading_key(heading: str) -> str:
    """A heading as compared: "Adresse e-mail" → "adresse_e_mail", "DOUBLE_OPT-IN" →
    "double_opt_in"."""
    text = unicodedata.normalize("NFKD", heading.strip().lstrip("\ufeff").lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def plain(value: str) -> str:
    """A cell value compared without case or accents."""
    return heading_key(value).replace("_", " ")


def read_format(path: Path) -> FileFormat:
    """Check the file's bytes (not empty, text, no overlong line), choose its encoding and
    delimiter and map its columns. Raises ImportFileError with a French message."""
    encoding, notice, header, rows = sniff_bytes(path)
    text = header.decode(encoding).lstrip("\ufeff")
    delimiter = max(DELIMITERS, key=text.count)
    headings = next(csv.reader([text], delimiter=delimiter), [])
    columns, ignored = map_columns(headings)
    if "email" not in columns:
        raise ImportFileError(
            _t(
                "Aucune colonne d'adresse électronique n'a été trouvée (« email », "
                "« Email Address », « EMAIL », « courriel »…). Colonnes lues : %(columns)s."
            )
            % {"columns": ", ".join(h for h in headings if h.strip()) or _t("aucune")}
        )
    if not {"consent_date", "consent_flag"} & columns.keys():
        raise ImportFileError(
            _t(
                "Aucune colonne ne renseigne le consentement (« consentement_le », "
                "« OPTIN_TIME », « CONFIRM_TIME », « DOUBLE_OPT-IN »…) : rien ne peut être "
                "importé sans cette information."
            )
        )
    return FileFormat(encoding, delimiter, columns, ignored, rows, notice)


def sniff_bytes(path: Path) -> tuple[str, str, bytes, int]:
    """One pass over the raw lines: the encoding (and a notice when it is not UTF-8), the
    header line and the number of data lines."""
    utf8_ok = cp1252_ok = True
    header = b""
    rows = 0
    with path.open("rb") as raw:
        start = raw.read(4)
        if start.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            raise ImportFileError(
                _t("Ce fichier est un classeur Excel : enregistrez-le au format CSV.")
            )
        raw.seek(0)
        for number, line in enumerate(iter(lambda: raw.readline(MAX_LINE_BYTES + 1), b""), 1):
            if len(line) > MAX_LINE_BYTES:
                raise ImportFileError(
                    _t(
                        "La ligne %(line)d dépasse %(size)d Ko : ce fichier n'est pas une "
                        "liste de contacts. Rien n'a été importé."
                    )
                    % {"line": number, "size": MAX_LINE_BYTES // 1024}
                )
            if b"\x00" in line:
                raise ImportFileError(
                    _t("Ce fichier n'est pas un fichier texte CSV. Rien n'a été importé.")
                )
            if not line.isascii():
                utf8_ok = utf8_ok and decodes(line, "utf-8")
                cp1252_ok = cp1252_ok and not NOT_CP1252.search(line)
            if not header:
                header = line if line.strip() else b""
            elif line.strip():
                rows += 1
    if not header:
        raise ImportFileError(_t("Le fichier est vide. Rien n'a été importé."))
    if not rows:
        raise ImportFileError(
            _t("Le fichier ne contient que sa ligne d'en-tête : aucun contact à importer.")
        )
    if utf8_ok:
        return ("utf-8-sig" if header.startswith(b"\xef\xbb\xbf") else "utf-8"), "", header, rows
    fallback = "cp1252" if cp1252_ok else "latin-1"
    notice = _t(
        "Le fichier n'est pas en UTF-8 : il a été lu en %(encoding)s (encodage de Windows "
        "et d'Excel). Vérifiez les accents des prénoms dans le rapport."
    ) % {"encoding": "Windows-1252" if cp1252_ok else "ISO-8859-1"}
    return fallback, notice, header, rows


def decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def map_columns(headings: Sequence[str]) -> tuple[dict[str, list[tuple[int, str]]], list[str]]:
    """Our fields found among the headings, each with its columns in the order of
    COLUMN_NAMES (a row's CONFIRM_TIME, when filled, wins over its OPTIN_TIME), and the
    headings left unused."""
    keys = [heading_key(h) for h in headings]
    columns = {}
    for name, aliases in COLUMN_NAMES.items():
        found = [(keys.index(alias), alias) for alias in aliases if alias in keys]
        if found:
            columns[name] = found
    used = {index for found in columns.values() for index, _alias in found}
    ignored = [h for i, h in enumerate(headings) if i not in used and h.strip()]
    return columns, ignored


class Row:
    """One data row: a field's value is the first filled cell among its columns."""

    __slots__ = ("cells", "columns")

    def __init__(self, cells: list[str], columns: dict[str, list[tuple[int, str]]]):
        self.cells = cells
        self.columns = columns

    def cell(self, name: str) -> tuple[str, str]:
        """The field's value and the heading of the column it came from."""
        for index, alias in self.columns.get(name, ()):
            value = self.cells[index].strip() if index < len(self.cells) else ""
            if value:
                return value, alias
        return "", ""

    def __getitem__(self, name: str) -> str:
        return self.cell(name)[0]


def iter_rows(path: Path, fmt: FileFormat) -> Iterator[tuple[int, Row]]:
    """(line number, row) for each non-blank data row, read line by line."""
    with path.open(encoding=fmt.encoding, newline="") as text:
        reader = csv.reader(text, delimiter=fmt.delimiter)
        try:
            next(reader, None)
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                yield reader.line_num, Row(cells, fmt.columns)
        except csv.Error as error:
            raise ImportFileError(
                _t("Le fichier est mal formé à la ligne %(line)d. Rien n'a été importé.")
                % {"line": reader.line_num}
            ) from error


def suppressed_hashes(channel: str, hashes: list[str]) -> set[str]:
    """Those of these fingerprints that the suppression list holds for the channel."""
    if not hashes:
        return set()
    rows = Suppression.objects.filter(channel=channel, address_hash__in=hashes)
    return set(rows.values_list("address_hash", flat=True))


def fingerprint(email: str) -> int:
    """8 bytes standing for an address."""
    digest = hashlib.blake2b(normalise_email(email).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def possibly_duplicated(path: Path, fmt: FileFormat) -> set[int]:
    """The fingerprints of the addresses that may occur more than once in the file: every
    address seen twice, and a few others (a bitmap of 1 MB stands for the addresses seen,
    whatever their number). The row pass tells them apart."""
    seen = bytearray(SEEN_BITMAP_BYTES)
    maybe = set()
    for _line, row in iter_rows(path, fmt):
        if not row["email"]:
            continue
        printed = fingerprint(row["email"])
        bit = printed % (SEEN_BITMAP_BYTES * 8)
        if seen[bit >> 3] & (1 << (bit & 7)):
            maybe.add(printed)
        seen[bit >> 3] |= 1 << (bit & 7)
    return maybe


# -- reading one row ----------------------------------------------------------------------


def parse_datetime(value: str, column: str) -> datetime | None:
    """A date as towns' files write it (ISO, or French day first), aware."""
    value = value.strip()
    if not value:
        return None
    moment = None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        for pattern in DATE_FORMATS:
            try:
                moment = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if moment is None or timezone.is_aware(moment):
        return moment
    zone = UTC if column in UTC_COLUMNS else timezone.get_default_timezone()
    return moment.replace(tzinfo=zone)


def consent_moment(row: Row) -> tuple[datetime | None, str]:
    """When the row's person consented, or None with the reason."""
    value, column = row.cell("consent_date")
    if value:
        moment = parse_datetime(value, column)
        if moment:
            return moment, ""
        return None, _t("date de consentement illisible : « %(value)s »") % {"value": value[:40]}
    flag, column = row.cell("consent_flag")
    flagged = parse_datetime(flag, column)
    if flagged:
        return flagged, ""
    if plain(flag) in NO:
        return None, _t("consentement refusé dans la liste d'origine")
    if plain(flag) in YES:
        added = parse_datetime(*row.cell("added_date"))
        if added:
            return added, ""
        return None, _t("consentement indiqué sans sa date")
    return None, _t("aucune date de consentement")


def mobile_of(value: str) -> tuple[str, str]:
    """The row's mobile number in E.164 ("" when the cell is empty), or "" with why it is
    refused (the typed number, then parse_mobile's message)."""
    if not value:
        return "", ""
    try:
        return parse_mobile(value), ""
    except ValidationError as error:
        return "", f"« {value[:40]} » : {error.messages[0]}"


def takes_phone(contact: Contact, candidate: Candidate) -> bool:
    """A known contact gains the row's number only when they have none: a number the town
    already holds is the one their SMS consents were given for."""
    return bool(candidate.phone) and not contact.phone


def phone_merge_detail(contact: Contact, candidate: Candidate) -> str:
    """What merging the row does to a known contact's number, for the report."""
    if takes_phone(contact, candidate):
        return _t("numéro de mobile ajouté")
    if candidate.phone and candidate.phone != contact.phone:
        return _t("autre numéro de mobile déjà enregistré : conservé")
    return ""


def has_left_list(value: str) -> bool:
    """A left-the-list column holds a date or a yes."""
    return bool(value) and plain(value) not in NO


class ThemeMatcher:
    """Themes named in the file (by identifier or name), among those the importer may use."""

    def __init__(self, themes: Sequence[Theme]):
        self.by_key = {}
        for theme in themes:
            self.by_key[plain(theme.slug)] = theme.pk
            self.by_key[plain(theme.name)] = theme.pk

    def match(self, cell: str) -> tuple[list[int], list[str]]:
        names = [name.strip() for name in THEME_SEPARATORS.split(cell) if name.strip()]
        found = [self.by_key[plain(name)] for name in names if plain(name) in self.by_key]
        unknown = [name for name in names if plain(name) not in self.by_key]
        return list(dict.fromkeys(found)), unknown


def language_of(value: str) -> str:
    """A language given by its code or its name ("en", "Anglais"), else the default."""
    keys = language_keys()
    return keys.get(plain(value), keys[""]) if value else keys[""]


@lru_cache(maxsize=1)
def language_keys() -> dict[str, str]:
    keys = {"": settings.LANGUAGE_CODE}
    for code, name in settings.LANGUAGES:
        keys[plain(code)] = keys[plain(str(name))] = code
    return keys


# -- the import ----------------------------------------------------------------------------


class ContactImport:
    """One file to import: `dry_run()` reports, `commit()` writes; both apply the same
    checks. `themes` are given to rows without a themes column (or with it empty); a row's
    own themes must be among `allowed_themes`."""

    def __init__(
        self,
        path: Path,
        *,
        file_name: str,
        list_name: str,
        themes: Sequence[Theme],
        allowed_themes: Sequence[Theme],
    ):
        self.path = Path(path)
        self.file_name = file_name
        self.list_name = list_name
        self.default_theme_ids = [theme.pk for theme in themes]
        self.matcher = ThemeMatcher(allowed_themes)
        self.theme_names = {theme.pk: theme.name for theme in allowed_themes}
        self.channel = Channel.EMAIL
        self.format = read_format(self.path)
        # A consent dated later than tomorrow (whatever the time zones) is a typing error.
        self.latest_consent = timezone.now() + timedelta(days=1)

    def dry_run(self, on_note: Callable[[RowNote], None] | None = None) -> ImportReport:
        return self.run(commit=False, on_note=on_note)

    def commit(self, on_note: Callable[[RowNote], None] | None = None) -> ImportReport:
        with transaction.atomic():
            return self.run(commit=True, on_note=on_note)

    def run(self, *, commit: bool, on_note: Callable[[RowNote], None] | None) -> ImportReport:
        report = ImportReport(self.format, committed=commit)

        def note(row_note: RowNote) -> None:
            if row_note.refused:
                report.refused[row_note.outcome.value] += 1
            if len(report.notes) < NOTES_KEPT:
                report.notes.append(row_note)
            else:
                report.notes_not_kept += 1
            if on_note:
                on_note(row_note)

        duplicated = possibly_duplicated(self.path, self.format)
        first_lines: dict[int, int] = {}
        chunk: list[Candidate] = []
        for line, row in iter_rows(self.path, self.format):
            candidate = self.check_row(line, row, duplicated, first_lines, note)
            if candidate:
                chunk.append(candidate)
            if len(chunk) >= CHUNK_ROWS:
                self.settle(chunk, report, note, commit)
                chunk = []
        self.settle(chunk, report, note, commit)
        return report

    def check_row(self, line, row, duplicated, first_lines, note) -> Candidate | None:
        """The checks the row alone allows; refused rows are noted."""
        email = normalise_email(row["email"])
        shown = row["email"][:254]
        printed = fingerprint(email) if email else None
        if printed in duplicated:
            if printed in first_lines:
                detail = _t("déjà à la ligne %(line)d") % {"line": first_lines[printed]}
                note(RowNote(line, shown, Outcome.DUPLICATE, detail))
                return None
            first_lines[printed] = line
        try:
            validate_email(email)
        except ValidationError:
            note(RowNote(line, shown, Outcome.INVALID_ADDRESS))
            return None
        phone, why_not = mobile_of(row["phone"])
        if why_not:
            note(RowNote(line, shown, Outcome.INVALID_PHONE, why_not))
            return None
        if has_left_list(row["left_list"]):
            note(RowNote(line, shown, Outcome.LEFT_LIST))
            return None
        consent_at, why_not = consent_moment(row)
        if consent_at is None:
            note(RowNote(line, shown, Outcome.NO_CONSENT, why_not))
            return None
        if consent_at > self.latest_consent:
            note(RowNote(line, shown, Outcome.NO_CONSENT, _t("date de consentement à venir")))
            return None
        theme_ids, unknown = self.matcher.match(row["themes"])
        if unknown:
            detail = ", ".join(unknown)[:120]
            note(RowNote(line, shown, Outcome.NO_THEME, detail))
            return None
        theme_ids = theme_ids or self.default_theme_ids
        if not theme_ids:
            note(RowNote(line, shown, Outcome.NO_THEME, _t("aucun thème choisi")))
            return None
        return Candidate(
            line=line,
            email=email,
            phone=phone,
            first_name=row["first_name"][:80],
            language=language_of(row["language"]),
            theme_ids=theme_ids,
            consent_at=consent_at,
            source=row["source"][:200],
            hash=address_hash(email),
            phone_hash=address_hash(phone) if phone else "",
        )

    def settle(self, chunk: list[Candidate], report, note, commit: bool) -> None:
        """Check a chunk against the suppression list and the contacts, then count (and,
        when committing, write) its new contacts and consents."""
        if not chunk:
            return
        suppressed = suppressed_hashes(self.channel, [c.hash for c in chunk])
        suppressed_phones = suppressed_hashes(Channel.SMS, [c.phone_hash for c in chunk if c.phone])
        existing = {c.email: c for c in Contact.objects.filter(email__in=[c.email for c in chunk])}
        live, withdrawn = self.consents_of(existing.values())
        new: list[Candidate] = []
        merged_consents: list[Consent] = []
        given_phones: list[Contact] = []
        for candidate in chunk:
            if candidate.hash in suppressed:
                note(RowNote(candidate.line, candidate.email, Outcome.SUPPRESSED))
                continue
            if candidate.phone_hash in suppressed_phones:
                detail = _t("numéro de mobile bloqué")
                note(RowNote(candidate.line, candidate.email, Outcome.SUPPRESSED, detail))
                continue
            contact = existing.get(candidate.email)
            if contact is None:
                new.append(candidate)
                continue
            added = self.merge(contact, candidate, live, withdrawn, note)
            if added is not None:
                report.merged += 1
                merged_consents += added
                if takes_phone(contact, candidate):
                    contact.phone = candidate.phone
                    contact.normalise()
                    given_phones.append(contact)
        report.created += len(new)
        report.consents += len(merged_consents) + sum(len(c.theme_ids) for c in new)
        if commit:
            self.write(new, merged_consents, given_phones)

    def write(
        self, new: list[Candidate], merged_consents: list[Consent], given_phones: list[Contact]
    ) -> None:
        Contact.objects.bulk_update(given_phones, ["phone", "phone_hash"])
        contacts = Contact.objects.bulk_create([self.new_contact(c) for c in new])
        consents = merged_consents + [
            self.consent(contact, candidate, theme_id)
            for contact, candidate in zip(contacts, new, strict=True)
            for theme_id in candidate.theme_ids
        ]
        Consent.objects.bulk_create(consents)

    def consents_of(self, contacts) -> tuple[set, dict]:
        """The existing contacts' live consents (contact, theme) and their latest
        withdrawal per (contact, theme), on this channel."""
        live: set[tuple[int, int]] = set()
        withdrawn: dict[tuple[int, int], datetime] = {}
        rows = Consent.objects.filter(contact__in=list(contacts), channel=self.channel)
        for contact_id, theme_id, withdrawn_at in rows.values_list(
            "contact_id", "theme_id", "withdrawn_at"
        ):
            key = (contact_id, theme_id)
            if withdrawn_at is None:
                live.add(key)
            else:
                withdrawn[key] = max(withdrawn_at, withdrawn.get(key, withdrawn_at))
        return live, withdrawn

    def merge(self, contact, candidate, live, withdrawn, note) -> list[Consent] | None:
        """The consents a known contact gains from the row, or None when they withdrew
        since the date in the file (the town's record is newer: it wins)."""
        gained, taken_back = [], []
        for theme_id in candidate.theme_ids:
            key = (contact.pk, theme_id)
            if key in live:
                continue
            if key in withdrawn and withdrawn[key] > candidate.consent_at:
                taken_back.append(self.theme_names.get(theme_id, ""))
                continue
            gained.append(self.consent(contact, candidate, theme_id))
        if taken_back and not gained:
            note(RowNote(candidate.line, candidate.email, Outcome.WITHDRAWN, ", ".join(taken_back)))
            return None
        if gained:
            themes = ", ".join(self.theme_names.get(c.theme_id, "") for c in gained)
            detail = _t("consentement ajouté : %(themes)s") % {"themes": themes}
        else:
            detail = _t("consentement déjà enregistré pour ces thèmes")
        phone_detail = phone_merge_detail(contact, candidate)
        if phone_detail:
            detail = f"{detail} ; {phone_detail}"
        note(RowNote(candidate.line, candidate.email, Outcome.MERGED, detail))
        return gained

    def new_contact(self, candidate: Candidate) -> Contact:
        # The three years of inactivity after which the CNIL asks for a new consent count
        # from the consent in the file, not from the import.
        contact = Contact(
            email=candidate.email,
            phone=candidate.phone,
            first_name=candidate.first_name,
            language=candidate.language,
            last_activity_at=candidate.consent_at,
        )
        contact.normalise()
        return contact

    def consent(self, contact: Contact, candidate: Candidate, theme_id: int) -> Consent:
        return Consent(
            contact=contact,
            theme_id=theme_id,
            channel=self.channel,
            given_at=candidate.consent_at,
            source=ConsentSource.IMPORT,
            wording=self.wording(candidate),
        )

    def wording(self, candidate: Candidate) -> str:
        return consent_wording(self.file_name, self.list_name, candidate.source)


@lru_cache(maxsize=256)
def consent_wording(file_name: str, list_name: str, source: str) -> str:
    """What an imported consent says of its origin: the file, the original list, and the
    origin the file gives for the row."""
    wording = _t(
        "Consentement repris du fichier « %(file)s », importé de la liste « %(list)s »."
    ) % {"file": file_name, "list": list_name}
    if source:
        wording += " " + _t("Origine selon ce fichier : %(source)s.") % {"source": source}
    return wording
