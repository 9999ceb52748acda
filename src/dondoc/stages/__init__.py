"""Pipeline stages: ingest -> repair -> extract. Stages are functions of data; adapters do the I/O."""
