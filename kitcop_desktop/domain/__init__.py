"""Pure rules of the workshop: standard library only, injected clocks, no I/O, no Qt."""
