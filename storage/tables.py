"""Every model module, imported so that `Base.metadata` knows every table.

Alembic and the tests import `Base` from here; a new model module adds one import line.
"""

from storage import (
    announcements,
    attachments,
    audit,
    broadcasts,
    cases,
    conversations,
    delivery,
    insight,
    people,
    people_changes,
    records,
)
from storage.base import Base

__all__ = [
    "Base",
    "announcements",
    "attachments",
    "audit",
    "broadcasts",
    "cases",
    "conversations",
    "delivery",
    "insight",
    "people",
    "people_changes",
    "records",
]
