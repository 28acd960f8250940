"""Qt-free async client of the LMS365 API (httpx, pydantic)."""
