"""What the request bodies' checks can say, as stable keys with an English sentence for logs."""
from __future__ import annotations

from .problems import MessageKey


class BodyMessage(MessageKey):
    """What the request bodies' checks can say; the UI words each key itself (ui/wizards/form_messages.py)."""

    COURSE_CATALOG_REQUIRED = ("course_catalog_required", "Enter the course catalog.")
    COURSE_TITLE_REQUIRED = ("course_title_required", "Enter the course title.")
    DESCRIPTION_REQUIRED = ("description_required", "Enter the short description.")
    CULTURE_REQUIRED = ("culture_required", "Enter the culture (e.g. en-US).")
    COURSE_URL_REQUIRED = ("course_url_required", "Enter the course URL (e.g. safety-101).")
    CATEGORY_NAME_REQUIRED = ("category_name_required", "Enter the category name.")
    TAG_NAME_REQUIRED = ("tag_name_required", "Enter the tag name.")
    SESSION_TITLE_REQUIRED = ("session_title_required", "Enter the session title.")
    TIME_ZONE_REQUIRED = ("time_zone_required", "Enter the time zone (e.g. W. Europe Standard Time).")
    LOGIN_REQUIRED = ("login_required", "Enter the user's login name (e.g. jane@contoso.com).")
    REQUEST_PATH_REQUIRED = ("request_path_required", "Enter the request path (e.g. Competencies).")
    WEBHOOK_ADDRESS_REQUIRED = ("webhook_address_required", "Enter the webhook address the server will call.")
    CATEGORY_ID_OR_NAME = ("category_id_or_name", "Each category needs an id (existing) or a name (new).")
    TAG_ID_OR_NAME = ("tag_id_or_name", "Each tag needs an id (existing) or a name (new).")
    PUBLISHING_END_BEFORE_START = ("publishing_end_before_start",
                                   "The publishing end date must be after its start date.")
    MAX_ATTENDEES_BELOW_ONE = ("max_attendees_below_one",
                               "Maximum attendees must be at least 1 (leave it empty for no limit).")
    SESSION_END_BEFORE_START = ("session_end_before_start", "The session must end after it starts.")
    DEADLINE_AFTER_END = ("deadline_after_end", "The enrollment deadline must not be after the session ends.")
    IMAGE_URL_NOT_HTTP = ("image_url_not_http",
                          "The image URL {value} must be an absolute http(s) URL, e.g. https://example.com/image.png.")
    CULTURE_INVALID = ("culture_invalid", "{value} is not a culture name; use a form like en-US or da-DK.")
    COURSE_URL_SPACES = ("course_url_spaces",
                         "The course URL {value} contains spaces; use letters, digits and dashes.")
    DURATION_INVALID = ("duration_invalid",
                        "The duration {value} must be an amount of time, e.g. 90, 2 hours or 1h 30m.")
    EMAIL_INVALID = ("email_invalid", "{value} is not an e-mail address (e.g. room.berlin@contoso.com).")
    SESSION_TITLE_TOO_LONG = ("session_title_too_long",
                              "The session title is {value} characters; LMS365 allows 128.")
    TIME_ZONE_UNKNOWN = ("time_zone_unknown",
                         "{value} is not a Microsoft time zone id; pick one such as "
                         "'W. Europe Standard Time', 'Eastern Standard Time' or 'UTC'.")
    MEETING_LINK_NOT_HTTPS = ("meeting_link_not_https", "The meeting link {value} must start with https://.")
    MAX_ATTENDEES_NOT_NUMBER = ("max_attendees_not_number",
                                "Maximum attendees must be a whole number, not {value}.")
    LOGIN_SPACES = ("login_spaces", "The login name {value} contains spaces; enter it as jane@contoso.com "
                                    "or i:0#.f|membership|jane@contoso.com.")
    COURSE_SESSION_ID_INVALID = ("course_session_id_invalid",
                                 "The course session id must be an id like "
                                 "027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).")
    COURSE_CATALOG_ID_INVALID = ("course_catalog_id_invalid",
                                 "The course catalog id must be an id like "
                                 "027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).")
    METHOD_UNKNOWN = ("method_unknown", "{value} is not one of GET, PUT, POST, PATCH, DELETE.")
    PATH_NOT_RELATIVE = ("path_not_relative", "Give a path relative to the API, not a full address.")
    WEBHOOK_ADDRESS_NOT_HTTP = ("webhook_address_not_http",
                                "The webhook address {value} must be a full http(s):// URL.")
