-- Full-text search in a bin matches substrings through a trigram index (pg_trgm ships with
-- PostgreSQL and is a trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
