"""A site's account on a network as its backend receives it: identifiers from the site
setting, secrets from the vault, and a way to keep refreshed tokens."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from wagtail.models import Site

from connectors.social import Account, Image

from .models import SocialPost, SocialSettings
from .vault import open_vault, save_network_secrets

# Every network accepts a JPEG of this size under 1 MB (Bluesky's older cap, the lowest).
IMAGE_RENDITION = "max-1200x1200|format-jpeg|jpegquality-80"


def account_for(
    site: Site, network: str, save_secrets: Callable[[dict[str, str]], None] | None = None
) -> Account:
    """The site's account on `network`. Its refreshed tokens are stored at once, unless
    `save_secrets` collects them (a thread that must not touch the database)."""
    site_settings = SocialSettings.for_site(site)
    return Account(
        network=network,
        settings=site_settings.account_settings(network),
        secrets=dict(open_vault(site_settings.vault).get(network, {})),
        save_secrets=save_secrets or partial(save_network_secrets, site_settings.pk, network),
    )


def keep_secrets(site: Site, network: str, secrets: dict[str, str]) -> None:
    """Store the tokens a backend refreshed while posting."""
    save_network_secrets(SocialSettings.for_site(site).pk, network, secrets)


def post_image(row: SocialPost) -> Image | None:
    """The row's image as a JPEG rendition, with its alt text (None without image)."""
    if row.image is None:
        return None
    rendition = row.image.get_rendition(IMAGE_RENDITION)
    with rendition.file.open("rb") as file:
        content = file.read()
    return Image(
        content=content,
        mime_type="image/jpeg",
        alt=row.image_alt,
        width=rendition.width,
        height=rendition.height,
        filename=f"image-{row.image_id}.jpg",
    )
