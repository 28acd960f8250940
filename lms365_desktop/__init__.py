"""LMS365 Desktop: a desktop application for LMS365 training coordinators."""
