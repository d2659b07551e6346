"""Settings for `make run`: the embedded default on one machine, debug off by default."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("FILMFOLIO_DEBUG", True)
