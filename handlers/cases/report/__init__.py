"""Case reporting (/lapor): one question at a time, review, submit."""

from __future__ import annotations

from handlers.cases.report.conversation import build_report_conversation

__all__ = ["build_report_conversation"]
