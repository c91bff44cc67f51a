/**
 * The dashboard in the browser: its static files and libraries (public), the public settings it starts
 * from, and the administrators' read-only SQL console. Every figure it shows comes from the signed-in
 * user's own requests to the authenticated, row-level-secured APIs.
 */
package com.bigbox.server.dashboard;
