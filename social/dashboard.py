"""The webmaster's dashboard warning: an account whose token expires soon (LinkedIn's last
60 days) or whose last posts were refused, before residents notice posts stopped."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from connectors.social import get_backend

from .accounts import account_for
from .models import Network, SocialPost, SocialSettings

EXPIRY_WARNING = timedelta(days=10)


def expiring_accounts(now=None) -> list[dict]:
    """Each enabled account whose token expires within EXPIRY_WARNING (or has expired)."""
    now = now or timezone.now()
    warnings = []
    for site in Site.objects.all():
        site_settings = SocialSettings.for_site(site)
        if site_settings.demo_mode:
            continue
        for network in site_settings.enabled_networks():
            try:
                expires_at = get_backend(account_for(site, network)).token_expires_at()
            except KeyError:  # an account without its secrets: its posts say so
                continue
            if expires_at is not None and expires_at - now < EXPIRY_WARNING:
                warnings.append(
                    {
                        "site": site,
                        "network": Network(network).label,
                        "expires_at": expires_at,
                        "expired": expires_at <= now,
                    }
                )
    return warnings


class TokenExpiryPanel(Component):
    """Tokens to renew and failed posts, on the webmaster's dashboard (hidden when none)."""

    name = "social_token_expiry"
    template_name = "social/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["expiring"] = expiring_accounts()
        context["failed"] = SocialPost.objects.filter(
            status__in=[SocialPost.Status.FAILED, SocialPost.Status.UNKNOWN]
        ).count()
        return context
