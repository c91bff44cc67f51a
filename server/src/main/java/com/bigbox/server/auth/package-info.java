/**
 * Who is calling: Supabase-style JWTs (anon / authenticated / service_role), the check every request
 * passes, transactions opened as the caller, and {@code /auth/v1} (users, sessions, TOTP).
 */
package com.bigbox.server.auth;
