"""Data layer: typed models per feature, the engine and sessions (db.py), Alembic migrations."""
