"""Announcements of events (bimtek): compose, publish, remind, change, RSVP and attendance."""
