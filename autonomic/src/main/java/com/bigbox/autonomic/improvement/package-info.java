/**
 * Self-improvement: the control loops and the 90-day doctrine they keep to, the signals and proposals
 * they leave ({@code improvement_signals}, {@code sop_proposals}), and the weekly review. See docs/self-improvement.md.
 */
package com.bigbox.autonomic.improvement;
