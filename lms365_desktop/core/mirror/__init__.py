"""A local mirror of a connection's data: users (the directory) and the learning tables reports read."""
from lms365_desktop.core.mirror.database import MirrorDatabase, mirror_path
from lms365_desktop.core.mirror.learning import Freshness, LearningMirror
from lms365_desktop.core.mirror.user_directory import DirectoryUser, UserDirectory

__all__ = ["DirectoryUser", "Freshness", "LearningMirror", "MirrorDatabase", "UserDirectory", "mirror_path"]
