"""briefings: press-briefing articles in, attributed records out, served as a JSON API."""
