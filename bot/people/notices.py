"""What people are told about registrations: the request to reviewers, the outcome to the applicant.

Both are queued in the outbox in the transaction of the application or the decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import Payload, enqueue, enqueue_localized
from bot.people.directory import reviewers_for
from bot.runtime.callbacks import Callback
from bot.runtime.context import Services
from storage.delivery import Lane
from storage.people import User, UserStatus

REQUEST, OUTCOME = "registration_request", "registration_outcome"


class Verdict(StrEnum):
    APPROVE = "ok"
    REJECT = "no"


@dataclass(frozen=True)
class Decision(Callback, prefix="reg"):
    verdict: Verdict
    applicant_id: int


async def ask_reviewers(
    session: AsyncSession, services: Services, applicant: User, now: datetime
) -> int:
    """Queue the request, with Approve / Reject buttons, for whoever may decide it."""

    def request(locale: str) -> Payload:
        regions = services.regions

        def t(locale: str, key: str, **args: object) -> str:
            return services.texts.get(locale, key, **args)

        text = t(
            locale,
            "approval-request",
            name=applicant.full_name,
            phone=applicant.phone or "-",
            kelurahan=regions.name_of(applicant.kelurahan_code),
            kecamatan=regions.name_of(applicant.kecamatan_code),
        )
        buttons = [
            [
                (t(locale, "button-approve"), Decision(Verdict.APPROVE, applicant.id).encode()),
                (t(locale, "button-reject"), Decision(Verdict.REJECT, applicant.id).encode()),
            ]
        ]
        return Payload(text=text, buttons=buttons)

    return await enqueue_localized(
        session,
        kind=REQUEST,
        campaign_id=applicant.id,
        recipients=await reviewers_for(session, applicant.kecamatan_code),
        build=request,
        default_locale=services.settings.default_locale,
        not_before=now,
        lane=Lane.PERSONAL,
    )


async def tell_applicant(
    session: AsyncSession, services: Services, applicant: User, now: datetime
) -> None:
    """Queue the decision for the applicant (a rejected applicant is still told)."""
    locale = applicant.locale or services.settings.default_locale
    key = "signup-approved" if applicant.status == UserStatus.ACTIVE else "signup-rejected"
    await enqueue(
        session,
        kind=OUTCOME,
        campaign_id=applicant.id,
        recipients=[applicant],
        payload=Payload(text=services.texts.get(locale, key)),
        not_before=now,
        lane=Lane.PERSONAL,
    )
