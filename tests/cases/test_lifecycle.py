"""The case lifecycle: every action from every status, and who may take it."""

from __future__ import annotations

import pytest

from bot.cases.lifecycle import (
    Action,
    IllegalTransition,
    Status,
    available_actions,
    may,
    next_status,
)
from storage.cases import Case
from storage.people import CoordinatorArea, Role, User, UserStatus

S, A = Status, Action
LEGAL = {
    (S.BARU, A.VERIFY): S.DIVERIFIKASI,
    (S.DIBUKA_KEMBALI, A.VERIFY): S.DIVERIFIKASI,
    (S.BARU, A.RETURN): S.DIKEMBALIKAN,
    (S.DIVERIFIKASI, A.RETURN): S.DIKEMBALIKAN,
    (S.DIKEMBALIKAN, A.ANSWER): S.BARU,
    (S.DIVERIFIKASI, A.HANDLE): S.DITANGANI,
    (S.DIRUJUK, A.HANDLE): S.DITANGANI,
    (S.DIBUKA_KEMBALI, A.HANDLE): S.DITANGANI,
    (S.SELESAI, A.REOPEN): S.DIBUKA_KEMBALI,
    (S.DIRUJUK, A.OUTCOME): S.DIRUJUK,
    (S.DITANGANI, A.OUTCOME): S.DITANGANI,
}
for _status in (S.DIVERIFIKASI, S.DITANGANI, S.DIRUJUK, S.DIBUKA_KEMBALI):
    LEGAL[(_status, A.REFER)] = S.DIRUJUK
    LEGAL[(_status, A.CLOSE)] = S.SELESAI
for _status in Status:
    LEGAL[(_status, A.VIEW)] = _status
    if _status is not S.SELESAI:
        LEGAL[(_status, A.NOTE)] = _status


@pytest.mark.parametrize(("status", "action"), [(s, a) for s in Status for a in Action])
def test_every_action_from_every_status_is_allowed_or_refused(
    status: Status, action: Action
) -> None:
    if (status, action) in LEGAL:
        assert next_status(status, action) == LEGAL[(status, action)]
    else:
        with pytest.raises(IllegalTransition):
            next_status(status, action)


def _user(user_id: int, role: Role, areas: tuple[str, ...] = ()) -> User:
    user = User(id=user_id, telegram_id=user_id, full_name="x", role=role, status=UserStatus.ACTIVE)
    user.areas = [CoordinatorArea(kecamatan_code=code) for code in areas]
    return user


CASE = Case(id=1, reporter_id=10, kecamatan_code="367101", status=S.BARU)
REPORTER = _user(10, Role.PSM)
OTHER_PSM = _user(11, Role.PSM)
COORDINATOR = _user(20, Role.COORDINATOR, ("367101",))
OTHER_COORDINATOR = _user(21, Role.COORDINATOR, ("367105",))
ADMIN = _user(30, Role.ADMIN)


@pytest.mark.parametrize("action", list(Action))
def test_access_matrix(action: Action) -> None:
    reporter_may = action in {A.VIEW, A.NOTE, A.ANSWER, A.HANDLE}
    assert may(REPORTER, CASE, action) is reporter_may
    assert may(OTHER_PSM, CASE, action) is False
    assert may(COORDINATOR, CASE, action) is (action is not A.ANSWER)
    assert may(OTHER_COORDINATOR, CASE, action) is False
    assert may(ADMIN, CASE, action) is (action is not A.ANSWER)


def test_inactive_user_may_do_nothing() -> None:
    blocked = _user(10, Role.PSM)
    blocked.status = UserStatus.INACTIVE
    assert not any(may(blocked, CASE, action) for action in Action)


def test_buttons_offered_are_the_legal_and_allowed_ones() -> None:
    assert available_actions(COORDINATOR, CASE) == [A.VERIFY, A.RETURN, A.NOTE]
    assert available_actions(REPORTER, CASE) == [A.NOTE]
