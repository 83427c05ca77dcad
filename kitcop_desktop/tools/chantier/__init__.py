"""The chantier (#17): its page above the workshops, its action plan and protocols de test."""
