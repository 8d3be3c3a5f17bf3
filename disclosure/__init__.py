"""Government information disclosure (政府信息公开): catalog, entries, reports. Models arrive with their issue."""
