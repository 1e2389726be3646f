"""Reading scenario files: hardened YAML, positions for every value, checks and warnings."""
