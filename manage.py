#!/usr/bin/env python
"""Django's command-line utility; `filmfolio` is the same with the right settings."""

from filmfolio.__main__ import main

if __name__ == "__main__":
    main()
