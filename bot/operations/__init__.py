"""For operators: how `psm-bot run` serves (polling or webhook), /healthz and `psm-bot status`."""
