/**
 * {@code /rest/v1}'s statements (PostgREST's subset that supabase-js uses): the SQL written from a parsed request —
 * identifiers from the schema cache, quoted; every value from the request bound — run in the caller's transaction,
 * and the reading of the schema cache itself from {@code pg_catalog}. The HTTP side (parsing the query string,
 * shaping the answer) is {@code com.bigbox.server.rest}.
 */
package com.bigbox.postgres.rest;
