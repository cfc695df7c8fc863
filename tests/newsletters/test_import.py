"""Import of a town's list from CSV: the dry run reports every refused row and why, the real
import creates exactly the accepted ones with their consent proof, and a malformed file
gets a clear message with nothing imported."""

import tracemalloc
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Locale

from core.models import Theme
from newsletters.importing import ContactImport, ImportFileError, Outcome
from newsletters.models import Channel, Consent, Contact, Suppression
from newsletters.models.audience import ConsentSource, address_hash
from tests.newsletters.factories import ContactFactory, demo_theme

pytestmark = pytest.mark.django_db

SPREADSHEET = """email;prénom;thèmes;consentement_le;source
anne@example.org;Anne;culture;12/03/2024;forum des associations
pas-une-adresse;Bruno;culture;12/03/2024;forum
chloe@example.org;Chloé;culture;;forum
anne@example.org;Anne bis;culture;13/03/2024;forum
deja@example.org;Déjà;culture, travaux;2024-03-14;mairie
bloque@example.org;Bloqué;culture;2024-03-15;mairie
david@example.org;David;jardinage;2024-03-15;mairie
emma@example.org;Emma;;2024-03-16T10:30:00;site
"""


def write(tmp_path, text: str, encoding="utf-8", name="liste.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def importer(path, themes=("culture",)):
    allowed = list(Theme.objects.filter(locale=Locale.get_default()))
    return ContactImport(
        path,
        file_name=path.name,
        list_name="Tableur de la mairie",
        themes=[demo_theme(slug) for slug in themes],
        allowed_themes=allowed,
    )


@pytest.fixture
def known():
    """An existing culture subscriber and an address on the suppression list."""
    Suppression.add(Channel.EMAIL, "bloque@example.org", Suppression.Reason.COMPLAINT)
    return ContactFactory(email="deja@example.org", themes=[demo_theme("culture")])


def test_the_dry_run_reports_each_refused_row_with_its_reason(tmp_path, known):
    report = importer(write(tmp_path, SPREADSHEET)).dry_run()
    notes = {(note.line, note.address, note.outcome) for note in report.notes}
    assert notes == {
        (3, "pas-une-adresse", Outcome.INVALID_ADDRESS),
        (4, "chloe@example.org", Outcome.NO_CONSENT),
        (5, "anne@example.org", Outcome.DUPLICATE),
        (6, "deja@example.org", Outcome.MERGED),
        (7, "bloque@example.org", Outcome.SUPPRESSED),
        (8, "david@example.org", Outcome.NO_THEME),
    }
    details = {note.outcome: note.detail for note in report.notes}
    assert details[Outcome.DUPLICATE] == "déjà à la ligne 2"
    assert details[Outcome.MERGED] == "consentement ajouté : Travaux"
    assert details[Outcome.NO_THEME] == "jardinage"
    assert (report.created, report.merged, report.consents, report.refused_total) == (2, 1, 3, 5)
    # A dry run writes nothing.
    assert not Contact.objects.filter(email__in=["anne@example.org", "emma@example.org"])
    assert known.consents.count() == 1


def test_the_import_creates_exactly_the_accepted_rows(tmp_path, known):
    before = Contact.objects.count()
    report = importer(write(tmp_path, SPREADSHEET)).commit()
    assert report.committed and report.created == 2
    assert Contact.objects.count() == before + 2
    anne = Contact.objects.get(email="anne@example.org")
    assert anne.first_name == "Anne"
    consent = anne.consents.get()
    assert consent.theme == demo_theme("culture") and consent.channel == Channel.EMAIL
    assert consent.source == ConsentSource.IMPORT
    assert timezone.localtime(consent.given_at).date().isoformat() == "2024-03-12"
    assert "« liste.csv »" in consent.wording and "« Tableur de la mairie »" in consent.wording
    assert "forum des associations" in consent.wording
    # The CNIL's three years count from the consent in the file, not from the import.
    assert anne.last_activity_at == consent.given_at
    emma = Contact.objects.get(email="emma@example.org")
    assert [c.theme for c in emma.consents.all()] == [demo_theme("culture")]  # the chosen theme
    assert sorted(c.theme.slug for c in known.live_consents()) == ["culture", "travaux"]
    for refused in ("chloe@example.org", "bloque@example.org", "david@example.org"):
        assert not Contact.objects.filter(email=refused).exists()


def test_a_contact_who_withdrew_since_is_not_brought_back(tmp_path):
    contact = ContactFactory(email="parti@example.org", themes=[demo_theme("culture")])
    contact.consents.update(withdrawn_at=datetime(2025, 1, 5, tzinfo=UTC))
    path = write(tmp_path, "email;consentement_le\nparti@example.org;2024-06-01\n")
    report = importer(path).commit()
    assert [note.outcome for note in report.notes] == [Outcome.WITHDRAWN]
    assert not contact.live_consents().exists()


MOBILES = """email;portable;consentement_le
lina@example.org;06 12 34 56 78;2024-04-01
sans@example.org;;2024-04-01
fixe@example.org;01 23 45 67 89;2024-04-01
lettres@example.org;06 12 AB 56 78;2024-04-01
efface@example.org;06 11 11 11 11;2024-04-01
connu@example.org;0690 12 34 56;2024-04-01
autre@example.org;07 81 23 45 67;2024-04-01
"""


def test_a_mobile_column_brings_numbers_in_e164_and_refuses_rows_it_cannot_use(tmp_path):
    Suppression.add(Channel.SMS, "+33611111111", Suppression.Reason.ERASED)
    known = ContactFactory(email="connu@example.org", themes=[demo_theme("culture")])
    other = ContactFactory(
        email="autre@example.org", phone="+33699999999", themes=[demo_theme("culture")]
    )
    path = write(tmp_path, MOBILES)
    report = importer(path).dry_run()
    notes = {note.address: (note.outcome, note.detail) for note in report.notes}
    assert notes == {
        "fixe@example.org": (
            Outcome.INVALID_PHONE,
            "« 01 23 45 67 89 » : Ce numéro est un fixe : les SMS ne partent que vers un mobile.",
        ),
        "lettres@example.org": (
            Outcome.INVALID_PHONE,
            "« 06 12 AB 56 78 » : Un numéro de mobile ne s'écrit qu'avec des chiffres (espaces, "
            "points et tirets acceptés), avec éventuellement + au début.",
        ),
        "efface@example.org": (Outcome.SUPPRESSED, "numéro de mobile bloqué"),
        "connu@example.org": (
            Outcome.MERGED,
            "consentement déjà enregistré pour ces thèmes ; numéro de mobile ajouté",
        ),
        "autre@example.org": (
            Outcome.MERGED,
            "consentement déjà enregistré pour ces thèmes ; "
            "autre numéro de mobile déjà enregistré : conservé",
        ),
    }
    assert Outcome.INVALID_PHONE.label == "Numéro de mobile refusé"
    known.refresh_from_db()
    assert known.phone == ""  # a dry run writes nothing

    report = importer(path).commit()
    assert (report.created, report.merged, report.refused_total) == (2, 2, 3)
    lina = Contact.objects.get(email="lina@example.org")
    assert (lina.phone, lina.phone_hash) == ("+33612345678", address_hash("+33612345678"))
    assert Contact.objects.get(email="sans@example.org").phone == ""
    known.refresh_from_db()
    assert (known.phone, known.phone_hash) == ("+590690123456", address_hash("+590690123456"))
    other.refresh_from_db()
    assert other.phone == "+33699999999"
    # A number brings no SMS consent: the file's consents are for the letters by e-mail.
    assert not Consent.objects.filter(channel=Channel.SMS).exists()
    assert not Contact.objects.filter(email__in=["fixe@example.org", "efface@example.org"])


def test_brevos_sms_column_without_the_plus(tmp_path):
    text = "EMAIL;SMS;DOUBLE_OPT-IN;ADDED_TIME\nluc@example.org;33612345678;Yes;2022-11-02\n"
    importer(write(tmp_path, text)).commit()
    assert Contact.objects.get(email="luc@example.org").phone == "+33612345678"


def test_a_mailchimp_export(tmp_path):
    text = (
        '"Email Address","First Name","Last Name",MEMBER_RATING,OPTIN_TIME,OPTIN_IP,'
        "CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,LAST_CHANGED,TAGS\n"
        'paul@example.org,Paul,Martin,2,"2023-02-01 08:00:00",,"2023-02-01 09:15:00",'
        ',,,"2023-02-01 09:15:00",\n'
        'rose@example.org,Rose,Leroy,2,"2023-02-03 10:00:00",,,,,,,\n'
    )
    report = importer(write(tmp_path, text)).commit()
    assert report.format.delimiter == ","
    assert report.created == 2
    paul = Contact.objects.get(email="paul@example.org")
    # CONFIRM_TIME (the double opt-in) is the consent; Mailchimp writes UTC.
    assert paul.consents.get().given_at == datetime(2023, 2, 1, 9, 15, tzinfo=UTC)
    rose = Contact.objects.get(email="rose@example.org")
    assert rose.consents.get().given_at == datetime(2023, 2, 3, 10, 0, tzinfo=UTC)
    assert "MEMBER_RATING" in report.format.ignored_columns


def test_a_brevo_export(tmp_path):
    text = (
        "EMAIL;PRENOM;NOM;SMS;DOUBLE_OPT-IN;ADDED_TIME\n"
        "luc@example.org;Luc;Petit;;Yes;2022-11-02 14:00:00\n"
        "zoe@example.org;Zoé;Roux;;No;2022-11-03 14:00:00\n"
        "max@example.org;Max;Blanc;;Yes;\n"
    )
    report = importer(write(tmp_path, text)).commit()
    assert report.created == 1
    assert Contact.objects.get(email="luc@example.org").first_name == "Luc"
    reasons = {note.address: (note.outcome, note.detail) for note in report.notes}
    assert reasons["zoe@example.org"] == (
        Outcome.NO_CONSENT,
        "consentement refusé dans la liste d'origine",
    )
    assert reasons["max@example.org"] == (Outcome.NO_CONSENT, "consentement indiqué sans sa date")


def test_unsubscribed_rows_of_the_original_list_are_refused(tmp_path):
    text = "Email Address,OPTIN_TIME,UNSUB_TIME\nvieux@example.org,2020-01-01,2021-01-01\n"
    report = importer(write(tmp_path, text)).dry_run()
    assert [note.outcome for note in report.notes] == [Outcome.LEFT_LIST]


def test_a_windows_file_is_read_with_a_notice(tmp_path):
    path = write(
        tmp_path, "email;prénom;consentement_le\nhelene@example.org;Hélène;01/02/2024\n", "cp1252"
    )
    report = importer(path).commit()
    assert report.format.encoding == "cp1252"
    assert "n'est pas en UTF-8" in report.format.encoding_notice
    assert Contact.objects.get(email="helene@example.org").first_name == "Hélène"


def test_a_byte_order_mark_is_not_part_of_the_first_heading(tmp_path):
    path = write(
        tmp_path, "email,prénom,consentement_le\nirene@example.org,Irène,2024-02-01\n", "utf-8-sig"
    )
    report = importer(path).commit()
    assert report.format.encoding == "utf-8-sig" and report.created == 1
    assert Contact.objects.get(email="irene@example.org").first_name == "Irène"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"\n\n", "Le fichier est vide."),
        (b"email;consentement_le\n", "ne contient que sa ligne d.en-tête"),
        (b"nom;consentement_le\nJean;2024-01-01\n", "Aucune colonne d'adresse électronique"),
        (b"email;prenom\njean@example.org;Jean\n", "Aucune colonne ne renseigne le consentement"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "n'est pas un fichier texte CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00", "classeur Excel"),
        (
            b"email;consentement_le\n" + b"a" * (10 * 1024 * 1024) + b";2024-01-01\n",
            "La ligne 2 dépasse 64 Ko",
        ),
    ],
    ids=["empty", "blank", "header-only", "no-email", "no-consent", "binary", "xlsx", "10MB-line"],
)
def test_a_malformed_file_gets_a_clear_message_and_imports_nothing(tmp_path, content, message):
    path = tmp_path / "mauvais.csv"
    path.write_bytes(content)
    before = Contact.objects.count()
    with pytest.raises(ImportFileError, match=message):
        importer(path)
    assert Contact.objects.count() == before


def test_a_hundred_thousand_rows_stream_in_little_memory(tmp_path):
    path = tmp_path / "grande-liste.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("email;prénom;consentement_le;source\n")
        for n in range(100_000):
            out.write(f"habitant.{n}@example.org;Prénom{n};2024-01-15 10:00;forum {n % 7}\n")
        out.write("habitant.5@example.org;Double;2024-01-16;forum\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        report = importer(path).dry_run()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.created == 100_000
    assert [(n.line, n.outcome) for n in report.notes] == [(100_002, Outcome.DUPLICATE)]
    # The file weighs about 6 MB; reading it must take a fraction of that.
    assert peak < size / 3, f"peak {peak} bytes for a {size}-byte file"


def test_the_command_dry_runs_then_commits(tmp_path, known):
    path = write(tmp_path, SPREADSHEET)
    out = StringIO()
    call_command("import_contacts", str(path), "--theme=culture", stdout=out)
    printed = out.getvalue()
    assert "ligne 3\tpas-une-adresse\tAdresse électronique invalide" in printed
    assert "ligne 7\tbloque@example.org\tAdresse ou numéro bloqué (liste d'opposition)" in printed
    assert "essai, rien n'est écrit" in printed
    assert not Contact.objects.filter(email="anne@example.org").exists()
    call_command("import_contacts", str(path), "--theme=culture", "--commit", stdout=StringIO())
    anne = Contact.objects.get(email="anne@example.org")
    assert "« liste »" in anne.consents.get().wording  # the list is named after the file
    assert Consent.objects.filter(contact__email="emma@example.org").count() == 1


def test_the_command_refuses_a_bad_file_clearly(tmp_path):
    path = write(tmp_path, "nom\nJean\n")
    with pytest.raises(CommandError, match="Aucune colonne d'adresse électronique"):
        call_command("import_contacts", str(path), "--theme=culture")
    with pytest.raises(CommandError, match="Unknown theme"):
        call_command("import_contacts", str(path), "--theme=inconnu")
