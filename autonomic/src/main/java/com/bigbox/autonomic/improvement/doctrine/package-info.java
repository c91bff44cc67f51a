/** The 90-day doctrine as versioned data (phases, rules, the loops' bounds) and the pure check of its rules. */
package com.bigbox.autonomic.improvement.doctrine;
