"""The runtime every feature shares: settings, typed context, clock, texts, persistence, standby."""
