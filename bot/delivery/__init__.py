"""Delivery: the outbox every owed message goes through, its sender, and who may address whom."""
