"""PSM Bot application core: settings, domain rules, texts, CLI."""
