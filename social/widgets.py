"""The "Diffusion" panel's widget in the page editor: per enabled network, the text that
will be posted (the page's summary, or the editor's own), its count as the network counts it,
a switch to leave that network out, and what was posted about the page with its status and
link. Its value is the page's `diffusion`: {"share": bool, "networks": {network: {"off":
bool, "text": str}}}; the admin's script (social/admin/diffusion.js) updates the counts and
previews as the editor types, from the server's own counting (views.count)."""

from __future__ import annotations

import json

from django import forms
from django.urls import reverse
from wagtail.models import Site

from connectors.social import text as social_text

from .models import Network, SocialPost, SocialSettings
from .publishing import page_subject, post_text


def loads(value) -> dict:
    """The widget's value as a dict, whatever form Django hands it in."""
    if isinstance(value, dict):
        return value
    try:
        loaded = json.loads(value or "{}")
    except (TypeError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


class DiffusionWidget(forms.Widget):
    template_name = "social/widgets/diffusion.html"
    page = None  # the page being edited, set by core.sharing.DiffusionPanel

    class Media:
        js = ["social/admin/diffusion.js"]
        css = {"all": ["social/admin/diffusion.css"]}

    def site(self) -> Site | None:
        page = self.page
        site = page.get_site() if page is not None and page.pk else None
        return site or Site.objects.filter(is_default_site=True).first()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = loads(value)
        site = self.site()
        site_settings = SocialSettings.for_site(site) if site else None
        page = self.page
        summary = page.get_social_summary() if page is not None and page.pk else None
        networks = []
        for network in site_settings.enabled_networks() if site_settings else []:
            own = chosen.get("networks", {}).get(network, {})
            text = post_text(network, summary, own.get("text", "")) if summary else ""
            networks.append(
                {
                    "value": network,
                    "label": Network(network).label,
                    "own_text": own.get("text", ""),
                    "off": bool(own.get("off")),
                    "text": text,
                    "length": social_text.length(network, text),
                    "limit": social_text.limit(network),
                }
            )
        shared_by_default = getattr(page, "shared_by_default", True)
        context["diffusion"] = {
            "share": chosen.get("share", shared_by_default),
            "networks": networks,
            "posts": self.posts(site),
            "count_url": reverse("social:count"),
            "again_url": reverse("social:again", args=[page.pk]) if page and page.pk else "",
            "remove_url": reverse("social:remove", args=[page.pk]) if page and page.pk else "",
            "settings_missing": not networks,
            "page_id": page.pk if page is not None and page.pk else "",
        }
        return context

    def posts(self, site: Site | None) -> list[SocialPost]:
        if self.page is None or not self.page.pk or site is None:
            return []
        return list(
            SocialPost.objects.filter(site=site, subject=page_subject(self.page)).order_by(
                "-round", "network"
            )
        )

    def value_from_datadict(self, data, files, name):
        networks = {
            network.value: {
                "off": f"{name}-{network.value}-off" in data,
                "text": data.get(f"{name}-{network.value}-text", "").strip(),
            }
            for network in Network
            if f"{name}-{network.value}-present" in data
        }
        return json.dumps({"share": f"{name}-share" in data, "networks": networks})

    def id_for_label(self, id_):
        """The panel's heading labels no single control: each field has its own label."""
        return ""

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-present" not in data
