"""Everything that touches disk: raw store, Parquet lake, DuckDB schema, loads and queries."""
