"""Django project configuration for Filmfolio."""
