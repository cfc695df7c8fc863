"""The blocks a newsletter is written with. Each renders to MJML (rendering.py); the
automatic ones (latest news, upcoming events) are filled when the campaign starts and frozen
with it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from core.blocks import HeadingBlock

# Mail clients render little: bold, italic, lists and links.
LETTER_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Bouton")


class LatestNewsBlock(blocks.StructBlock):
    count = blocks.IntegerBlock(label=_("Nombre"), default=3, min_value=1, max_value=10)

    class Meta:
        icon = "doc-full"
        label = _("Dernières actualités du thème")


class UpcomingEventsBlock(blocks.StructBlock):
    count = blocks.IntegerBlock(label=_("Nombre"), default=3, min_value=1, max_value=10)

    class Meta:
        icon = "date"
        label = _("Prochains événements du thème")


class FeaturedProcedureBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Démarche"), page_type="procedures.ProcedurePage")
    text = blocks.TextBlock(label=_("Pourquoi maintenant"), required=False)

    class Meta:
        icon = "form"
        label = _("Démarche à la une")


class NewsletterBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(label=_("Texte"), features=LETTER_TEXT_FEATURES)
    image = ImageBlock(label=_("Image"))
    button = ButtonBlock()
    latest_news = LatestNewsBlock()
    upcoming_events = UpcomingEventsBlock()
    featured_procedure = FeaturedProcedureBlock()

    class Meta:
        label = _("Contenu de la lettre")
