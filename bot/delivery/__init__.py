"""Delivery: the outbox every owed message goes through, its sender, and who may address whom.

Other features use only what is named here.
"""

from bot.delivery.attempts import deliver
from bot.delivery.audience import (
    NOT_ALLOWED,
    Audience,
    AudienceMode,
    AudienceRefused,
    Rights,
    audience_modes,
    choosable_kecamatan,
    may_address,
    may_pick,
    resolve_audience,
    rights_of,
)
from bot.delivery.media import Attachment, discard_media, store_media
from bot.delivery.outbox import (
    FAREWELL,
    DeliveryCounts,
    cancel_pending,
    counts,
    enqueue,
    enqueue_localized,
)
from bot.delivery.payload import Buttons, Payload
from bot.delivery.sender import CampaignDone, OutboxSender, schedule_sender

__all__ = [
    "FAREWELL",
    "NOT_ALLOWED",
    "Attachment",
    "Audience",
    "AudienceMode",
    "AudienceRefused",
    "Buttons",
    "CampaignDone",
    "DeliveryCounts",
    "OutboxSender",
    "Payload",
    "Rights",
    "audience_modes",
    "cancel_pending",
    "choosable_kecamatan",
    "counts",
    "deliver",
    "discard_media",
    "enqueue",
    "enqueue_localized",
    "may_address",
    "may_pick",
    "resolve_audience",
    "rights_of",
    "schedule_sender",
    "store_media",
]
