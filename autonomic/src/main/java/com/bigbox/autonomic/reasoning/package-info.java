/**
 * How agents judge: the pluggable {@link com.bigbox.autonomic.reasoning.Reasoner} and its default,
 * deterministic rules.
 */
package com.bigbox.autonomic.reasoning;
