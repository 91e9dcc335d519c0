"""A local HTTP server for the tests that fetch: quiet when a client hangs up on purpose."""

from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that stays silent when the client closes early (a size cap, a timeout)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)
