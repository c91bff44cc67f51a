/**
 * {@code /rest/v1}: the PostgREST subset supabase-js uses, on the tables and functions of the
 * {@code public} schema. Here the request is read (identifiers checked against the schema cache,
 * {@link com.bigbox.server.rest.Catalog}) and the answer shaped; the statements, with every value
 * bound, are {@code com.bigbox.postgres.rest}'s.
 */
package com.bigbox.server.rest;
