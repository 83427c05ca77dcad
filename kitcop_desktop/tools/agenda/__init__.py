"""The déroulé (agenda) tool: prepare the run sheet from the kit's templates, run it live."""
