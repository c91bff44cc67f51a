/**
 * SOPs: the original YAML format and its published JSON Schema, the loader (validate all, load none on
 * error, version what changed), and the engine that runs them and measures each execution.
 */
package com.bigbox.autonomic.sop;
