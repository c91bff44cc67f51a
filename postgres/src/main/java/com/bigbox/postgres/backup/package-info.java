/**
 * Export and import of the event log: compressed JSON Lines segments with a manifest (counts,
 * position range, SHA-256 per file), resumable and idempotent; the continuous export into rolling
 * segments while the engine runs. See docs/backup-restore.md.
 */
package com.bigbox.postgres.backup;
