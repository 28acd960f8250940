"""Qt console of LMS365 Desktop."""
