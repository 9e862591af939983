"""Every model module, imported so that `Base.metadata` knows every table.

Alembic and the tests import `Base` from here; a new model module adds one import line.
"""

from storage import announcements, followup, insight, models, outbox, outbox_media
from storage.models import Base

__all__ = [
    "Base",
    "announcements",
    "followup",
    "insight",
    "models",
    "outbox",
    "outbox_media",
]
