"""People: registration, roster, approvals, and looking users up."""
