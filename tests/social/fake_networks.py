"""The five networks at once, as local fakes (tests/connectors/social/fakes), for the tests
and the benchmark that post through the real backends: start them, point the settings (or
a worker's environment) at them, give the site's accounts their credentials, and read back
what each network received.

    with FakeNetworks(delay=0.05) as networks:
        networks.apply(settings)            # in-process; or networks.environment()
        networks.configure_accounts(site)   # SocialSettings + encrypted secrets
        configure_accounts(site, accounts)  # the same from networks.accounts(), elsewhere
        ...
        networks.received()                 # {"x": [text, ...], "facebook": [...], ...}
"""

from __future__ import annotations

from contextlib import ExitStack

from django.conf import settings as django_settings

from social.models import SocialSettings
from social.vault import seal
from tests.connectors.social.fakes.bluesky import FakePds
from tests.connectors.social.fakes.facebook import FakeFacebook
from tests.connectors.social.fakes.linkedin import FakeLinkedIn
from tests.connectors.social.fakes.mastodon import FakeMastodon
from tests.connectors.social.fakes.x import FakeX

NETWORKS = ("x", "facebook", "linkedin", "mastodon", "bluesky")


class FakeNetworks:
    """X, Facebook, LinkedIn, Mastodon and Bluesky fakes, each answering after `delay`."""

    def __init__(self, delay: float = 0.0):
        self.x = FakeX(delay=delay)
        self.facebook = FakeFacebook(delay=delay)
        self.linkedin = FakeLinkedIn(
            versions={django_settings.SOCIAL_LINKEDIN_VERSION}, delay=delay
        )
        self.mastodon = FakeMastodon(delay=delay)
        self.bluesky = FakePds(delay=delay)
        self.stack = ExitStack()

    def __enter__(self) -> FakeNetworks:
        for fake in self.fakes().values():
            self.stack.enter_context(fake)
        return self

    def __exit__(self, *exc_info) -> None:
        self.stack.close()

    def fakes(self) -> dict:
        return {network: getattr(self, network) for network in NETWORKS}

    def environment(self) -> dict[str, str]:
        """The settings that reach the fakes, as a worker's environment variables."""
        return {
            "SOCIAL_X_API_URL": self.x.url,
            "SOCIAL_FACEBOOK_GRAPH_URL": self.facebook.graph_url,
            "SOCIAL_LINKEDIN_API_URL": self.linkedin.api_url,
            "SOCIAL_LINKEDIN_VERSION": django_settings.SOCIAL_LINKEDIN_VERSION,
            "SOCIAL_STAND_IN": "",
        }

    def apply(self, settings) -> None:
        """Point pytest-django's `settings` at the fakes (and off the locmem stand-in)."""
        for name, value in self.environment().items():
            setattr(settings, name, value)

    def configure_accounts(self, site) -> SocialSettings:
        """The site's five accounts, enabled, with the credentials each fake expects."""
        return configure_accounts(site, self.accounts())

    def accounts(self) -> dict[str, dict]:
        """What the site's accounts need to reach the fakes, as plain data (JSON, for a
        worker's database): the setting's fields and the vault's secrets."""
        return {
            "fields": {
                "x_username": "villeneuvelys",
                "facebook_page_id": self.facebook.page_id,
                "linkedin_organisation": self.linkedin.organisation,
                "mastodon_instance_url": self.mastodon.url,
                "bluesky_handle": self.bluesky.handle,
                "bluesky_pds_url": self.bluesky.url,
            },
            "secrets": {
                "x": {
                    "consumer_key": self.x.consumer_key,
                    "consumer_secret": self.x.consumer_secret,
                    "access_token": self.x.access_token,
                    "access_token_secret": self.x.access_token_secret,
                },
                "facebook": {"page_access_token": self.facebook.page_token},
                "linkedin": {"access_token": self.linkedin.access_token},
                "mastodon": {"access_token": self.mastodon.access_token},
                "bluesky": {"app_password": self.bluesky.app_password},
            },
        }

    def received(self) -> dict[str, list[str]]:
        """The text of every post each network took, in order."""
        return {
            "x": [post.text for post in self.x.posts],
            "facebook": [post.message for post in self.facebook.posts],
            "linkedin": [post.text for post in self.linkedin.posts],
            "mastodon": [status.text for status in self.mastodon.statuses],
            "bluesky": [record["value"]["text"] for record in self.bluesky.records.values()],
        }


def configure_accounts(site, accounts: dict[str, dict]) -> SocialSettings:
    """The site's five accounts, enabled, with the fields and secrets of
    `FakeNetworks.accounts()` (possibly read back from JSON in another process)."""
    social = SocialSettings.for_site(site)
    social.demo_mode = False
    for network in NETWORKS:
        setattr(social, f"{network}_enabled", True)
    for name, value in accounts["fields"].items():
        setattr(social, name, value)
    social.vault = seal(accounts["secrets"])
    social.save()
    return social
