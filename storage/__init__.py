"""Data layer: typed models, engine and sessions, PTB persistence, migrations."""
