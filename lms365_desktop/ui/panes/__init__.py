"""Qt panes of LMS365 Desktop."""
