"""Cases: the report draft and its submission, the lifecycle, follow-up work, lists and nudges.

Other features use only what is named here.
"""

from bot.cases.attachments import length
from bot.cases.file_notices import CASE_FILE
from bot.cases.followup import ESCALATION, NUDGE, REFERRAL_REMINDER
from bot.cases.handover import count_open, hand_over, open_numbers
from bot.cases.lifecycle import OPEN, Action, Status
from bot.cases.nik import InvalidNik, mask_nik, parse_nik
from bot.cases.notices import ALERT, ALERT_PLACE, NOTICE
from bot.cases.queries import case_id_by_number
from bot.cases.work import OUTCOMES

# Outbox kinds whose campaign id is a case's id, and those whose campaign id is one of its
# events' ids: the messages that carry a case's details.
OUTBOX_BY_CASE = (ALERT, ALERT_PLACE)
OUTBOX_BY_EVENT = (NOTICE, NUDGE, ESCALATION, REFERRAL_REMINDER)

__all__ = [
    "CASE_FILE",
    "OPEN",
    "OUTBOX_BY_CASE",
    "OUTBOX_BY_EVENT",
    "OUTCOMES",
    "Action",
    "InvalidNik",
    "Status",
    "case_id_by_number",
    "count_open",
    "hand_over",
    "length",
    "mask_nik",
    "open_numbers",
    "parse_nik",
]
