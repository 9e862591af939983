"""Move this process's wall clock years ahead when the suite travels in time.

`.ci/run` runs the whole suite a second time with this folder on PYTHONPATH and
PSM_TEST_YEARS_AHEAD set: Python imports this module at start-up in pytest, in each xdist
worker and in every `python -m bot` a test starts, so all of them see the same future date. A
test that depends on today's date fails there; the product's own clock (`Clock`) moves with
it, while the tests' `FixedClock` stays where each test puts it.
"""

import os
from datetime import UTC, datetime, timedelta

_years = os.environ.get("PSM_TEST_YEARS_AHEAD")
if _years:
    import time_machine

    _ahead = datetime.now(UTC) + timedelta(days=round(365.25 * float(_years)))
    time_machine.travel(_ahead, tick=True).start()
