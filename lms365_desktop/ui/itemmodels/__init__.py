"""Qt itemmodels of LMS365 Desktop."""
