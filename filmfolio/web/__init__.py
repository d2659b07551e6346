"""Base templates, home page, static assets, error pages."""
