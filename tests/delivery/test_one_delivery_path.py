"""Whatever the bot sends on its own initiative goes through the outbox: no direct send is left.

tests/delivery/test_owed_messages.py shows, kind by kind, that owed messages survive a crash
and failing requests; this reads the source so that a new direct send cannot slip in beside it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SENDS = {
    "send_message", "send_photo", "send_document", "send_media_group", "send_video",
    "send_audio", "send_voice", "send_location", "send_contact", "copy_message",
    "forward_message", "copy_messages", "forward_messages",
}  # fmt: skip
# The outbox's sender itself; the fake Bot API server's users, who send as people do.
SENDERS = {ROOT / "bot" / "delivery" / "attempts.py", ROOT / "bot" / "sandbox"}
# The error report to the admin chats goes out directly, on purpose: it may be the database,
# and so the outbox, that failed.
ERROR_REPORT = "handlers/errors.py", "send_message(chat_id)"


def _direct_sends() -> list[str]:
    found = []
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            if any(path == s or s in path.parents for s in SENDERS):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for function in ast.walk(tree):
                if isinstance(function, ast.AsyncFunctionDef | ast.FunctionDef):
                    found += [f"{path.relative_to(ROOT)}:{s}" for s in _sends_elsewhere(function)]
    return sorted(set(found))


def _sends_elsewhere(function: ast.AsyncFunctionDef | ast.FunctionDef) -> list[str]:
    """Sends of this function to a chat not read from the handled update (its replies)."""
    from_update = _names_from_update(function)
    elsewhere = []
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in SENDS:
            continue
        target = node.args[0] if node.args else _keyword(node, "chat_id")
        where = ast.unparse(target) if target is not None else "?"
        if target is not None and (_reads_update(target) or _root(target) in from_update):
            continue
        elsewhere.append(f"{node.lineno} {node.func.attr}({where})")
    return elsewhere


def _names_from_update(function: ast.AsyncFunctionDef | ast.FunctionDef) -> set[str]:
    """Local names assigned from the handled update (`chat = update.effective_chat.id`...)."""
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and _reads_update(node.value):
            for target in node.targets:
                elements = target.elts if isinstance(target, ast.Tuple) else [target]
                names |= {e.id for e in elements if isinstance(e, ast.Name)}
    return names


def _reads_update(value: ast.expr) -> bool:
    return any(isinstance(n, ast.Name) and n.id in ("update", "query") for n in ast.walk(value))


def _root(value: ast.expr) -> str | None:
    while isinstance(value, ast.Attribute):
        value = value.value
    return value.id if isinstance(value, ast.Name) else None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def test_nothing_is_sent_to_another_chat_except_through_the_outbox() -> None:
    file, call = ERROR_REPORT
    assert [s for s in _direct_sends() if not (s.startswith(file) and s.endswith(call))] == []
