"""The voting tool: vote par gommettes, criteria, rounds, the reveal, winners to fiches actions."""
