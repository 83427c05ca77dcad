"""The boards tool: speedboat, KISS, chemin de la rétrospective, fiche étonnement."""
