/** Strategy: what a meeting's intent becomes — a creative brief, a recommended project and its priced quote. */
package com.bigbox.autonomic.strategy;
