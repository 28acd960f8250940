"""An LMS365-compatible HTTP server with demo data: the embedded default and the test server."""
