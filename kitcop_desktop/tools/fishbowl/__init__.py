"""The fishbowl tool (bocal à poisson) and speaking rounds (tours de parole)."""
