"""Cases: the report draft and its submission, the lifecycle, follow-up work, lists and nudges."""
