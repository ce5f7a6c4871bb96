"""Pure functions, no I/O and no Prefect: bytes → text → repaired text → structure → facts."""
