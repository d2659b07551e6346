"""Template tags of the press kit app."""
