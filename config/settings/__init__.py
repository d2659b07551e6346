"""Settings modules: base (shared), dev, test, prod. All read from the environment."""
