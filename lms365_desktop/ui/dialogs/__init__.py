"""Qt dialogs of LMS365 Desktop."""
