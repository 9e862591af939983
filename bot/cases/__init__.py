"""Cases: the report draft and its submission, the lifecycle, follow-up work, lists and nudges.

Other features use only what is named here.
"""

from bot.cases.lifecycle import OPEN, Status
from bot.cases.work import OUTCOMES

__all__ = ["OPEN", "OUTCOMES", "Status"]
