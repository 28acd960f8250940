"""Qt widgets of LMS365 Desktop."""
