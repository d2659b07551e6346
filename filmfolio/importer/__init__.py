"""Film page text to structured record (pure, no database), then a reviewed commit."""
