"""Insight (/rekap): a period's figures for a coordinator's area or the city, charts for a phone
screen, case exports, and the monthly report.

Entry points for other layers: `rekap.rekap` (one view), `exports.export_cases`,
`monthly.schedule`; `scope` holds the one authorization rule they all go through.
"""
