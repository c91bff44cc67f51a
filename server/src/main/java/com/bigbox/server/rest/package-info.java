/**
 * {@code /rest/v1}: the PostgREST subset supabase-js uses, on the tables and functions of the
 * {@code public} schema. Identifiers are checked against the catalog and quoted; values are bound.
 */
package com.bigbox.server.rest;
