"""A segment's recipient count in the admin, live while its criteria change and after it is
saved, is the number of contacts who consent to its theme today, within its profiles,
neighbourhoods and languages."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from core.models import Neighbourhood
from newsletters.models import Channel, Segment, Suppression
from profiles.models import Profile
from tests.newsletters.factories import ConsentFactory, ContactFactory, SegmentFactory, demo_theme

pytestmark = pytest.mark.django_db

COUNT_URL = "/admin/lettres/segments/count/"


def french(model, **lookups):
    return model.objects.filter(locale=Locale.get_default(), **lookups).first()


@pytest.fixture
def town():
    """Contacts spread over themes, profiles, neighbourhoods and languages; exactly three
    match culture × seniors × the first neighbourhood × French."""
    culture, travaux = demo_theme("culture"), demo_theme("travaux")
    seniors = french(Profile, slug="seniors")
    family = french(Profile, slug="familles") or french(Profile)
    here, elsewhere = Neighbourhood.objects.filter(locale=Locale.get_default())[:2]

    def contact(themes, profile, neighbourhood, language="fr", **fields):
        person = ContactFactory(
            themes=themes, neighbourhood=neighbourhood, language=language, **fields
        )
        person.profiles.add(profile)
        return person

    matching = [contact([culture], seniors, here) for _ in range(3)]
    contact([culture], family, here)  # another profile
    contact([culture], seniors, elsewhere)  # another neighbourhood
    contact([culture], seniors, here, language="en")  # another language
    contact([travaux], seniors, here)  # another theme
    withdrawn = contact([culture], seniors, here)
    withdrawn.consents.update(withdrawn_at=timezone.now())
    suppressed = contact([culture], seniors, here)
    Suppression.add(Channel.EMAIL, suppressed.email, Suppression.Reason.HARD_BOUNCE)
    sms_only = contact([], seniors, here)
    ConsentFactory(contact=sms_only, theme=culture, channel=Channel.SMS)
    return {"matching": matching, "seniors": seniors, "here": here}


def criteria(town, **overrides):
    return {
        "channel": "email",
        "themes": [demo_theme("culture").pk],
        "profiles": [town["seniors"].pk],
        "neighbourhoods": [town["here"].pk],
        "languages": ["fr"],
        **overrides,
    }


def test_the_live_count_is_the_number_of_consenting_contacts(client, webmaster, town):
    answer = client.get(COUNT_URL, criteria(town)).json()
    assert answer == {"count": 3, "text": "3 destinataires"}


def test_the_live_count_equals_the_saved_segments_recipients(client, webmaster, town):
    client.post("/admin/lettres/segments/new/", {"name": "Seniors du centre", **criteria(town)})
    segment = Segment.objects.get(name="Seniors du centre")
    assert segment.languages == ["fr"]
    assert segment.recipients().count() == 3
    assert {c.pk for c in segment.recipients()} == {c.pk for c in town["matching"]}
    assert client.get(COUNT_URL, criteria(town)).json()["count"] == 3


def test_the_count_widens_when_a_criterion_is_left_empty(client, webmaster, town):
    answer = client.get(COUNT_URL, criteria(town, languages=[])).json()
    assert answer["count"] == 4  # the English speaker joins


def test_the_count_asks_for_a_theme_first(client, webmaster, town):
    answer = client.get(COUNT_URL, criteria(town, themes=[])).json()
    assert answer == {"count": None, "text": "Choisissez au moins un thème."}


def test_the_listing_and_the_edit_view_show_the_count(client, webmaster, town):
    segment = SegmentFactory(name="Seniors du centre", themes=[demo_theme("culture")])
    segment.profiles.add(town["seniors"])
    segment.neighbourhoods.add(town["here"])
    segment.languages = ["fr"]
    segment.save()
    listing = client.get("/admin/lettres/segments/").content.decode()
    assert "3 destinataires" in listing
    edit = client.get(f"/admin/lettres/segments/edit/{segment.pk}/").content.decode()
    assert "3 destinataires" in edit
    # The live count comes from a static script, not from an inline one.
    assert "newsletters/admin/segment-count.js" in edit
    assert 'data-segment-count="/admin/lettres/segments/count/"' in edit


def test_the_count_view_needs_a_segment_permission(client, town):
    from tests.factories import UserFactory, login_verified

    login_verified(client, UserFactory(groups=["Agenda"]))
    assert client.get(COUNT_URL, criteria(town)).status_code == 404
