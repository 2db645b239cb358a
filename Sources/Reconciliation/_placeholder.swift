// Reconciliation: reading transfer descriptions and deciding matches.
