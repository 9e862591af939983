"""Registration (/start) and coordinators' approval of PSM who are not on the roster."""
