"""Qt wizards of LMS365 Desktop."""
