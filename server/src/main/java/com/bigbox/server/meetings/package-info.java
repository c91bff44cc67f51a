/** {@code POST /api/v1/meetings}: a meeting's transcript or notes, for the meeting agent to read. */
package com.bigbox.server.meetings;
