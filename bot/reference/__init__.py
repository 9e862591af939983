"""Reference data loaded from files: regions (Kemendagri codes), PPKS categories, sectors."""
