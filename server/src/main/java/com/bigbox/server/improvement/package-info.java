/** Self-improvement's HTTP routes: the weekly review, signals and drift alerts, SOP proposals and reverts. */
package com.bigbox.server.improvement;
