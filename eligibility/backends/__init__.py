"""Back ends: each walks the same expression tree into another form (polars, durable_rules)."""
