"""The activity feed: live and polled LMS365 events in a table, with the actions a coordinator takes on them."""
