/** Self-improvement's adapters: the loops' facts, the signals and proposals rows, the weekly review's figures. */
package com.bigbox.postgres.improvement;
