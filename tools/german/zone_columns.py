"""German for the date columns that name their zone (branch zone-columns)."""
GERMAN = {
    "{title} ({place} time)": "{title} (Zeit {place})",
    "{title} (UTC)": "{title} (UTC)",
    "{title}: dates and times on this computer's clock, {zone}; the tooltip of a cell gives its UTC time":
        "{title}: Datum und Uhrzeit nach der Uhr dieses Computers, {zone}; der Tooltip einer Zelle nennt die "
        "UTC-Zeit",
    "{date} (a date without a time of day)": "{date} (ein Datum ohne Uhrzeit)",
    "When": "Wann",
    "Enroll by (session's time zone)": "Einschreibung bis (Zeitzone der Sitzung)",
}
