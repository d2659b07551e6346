"""Gunicorn settings of ``make run`` and ``make deploy-check`` (``gunicorn -c config/gunicorn.py``).

The address, worker count and timeouts come from the command line or the environment; this
file fixes what must hold everywhere: the access log goes to stdout without tokens.
"""

accesslog = "-"
logger_class = "config.access_log.RedactingLogger"
graceful_timeout = 5
# No control socket: several installations (and make deploy-check) share one user's home.
control_socket_disable = True
