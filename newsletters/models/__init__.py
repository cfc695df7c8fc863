"""The models of the four parts, one module each; Django finds them all here."""

from .audience import Channel, Consent, Contact, Segment, Signup
from .compose import NewsletterIndexPage, NewsletterPage, SmsMessage
from .dispatch import Campaign, CampaignEdition, SmsSettings
from .record import Delivery, LetterStatsSettings, LinkClicks, ProviderEvent, Suppression

__all__ = [
    "Campaign",
    "CampaignEdition",
    "Channel",
    "Consent",
    "Contact",
    "Delivery",
    "LetterStatsSettings",
    "LinkClicks",
    "NewsletterIndexPage",
    "NewsletterPage",
    "ProviderEvent",
    "Segment",
    "Signup",
    "SmsMessage",
    "SmsSettings",
    "Suppression",
]
