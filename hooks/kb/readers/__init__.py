"""One reader per family of raw note; ``read_note`` picks the family by content."""
