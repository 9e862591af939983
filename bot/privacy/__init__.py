"""Personal data protection: encryption of NIKs (and, with it, audit and access rules)."""
