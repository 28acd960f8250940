"""A local mirror of a connection's data (users today; courses, sessions, enrollments for reports later)."""
from lms365_desktop.core.mirror.database import MirrorDatabase, mirror_path
from lms365_desktop.core.mirror.user_directory import DirectoryUser, UserDirectory

__all__ = ["DirectoryUser", "MirrorDatabase", "UserDirectory", "mirror_path"]
