"""Cases: the report draft and its submission, the lifecycle, follow-up work, lists and nudges.

Other features use only what is named here.
"""

from bot.cases.handover import count_open, hand_over, open_numbers

__all__ = ["count_open", "hand_over", "open_numbers"]
