/** The weekly automation review: top gaps, margin leaks, drift, doctrine violations and the "30% question". */
package com.bigbox.autonomic.improvement.review;
