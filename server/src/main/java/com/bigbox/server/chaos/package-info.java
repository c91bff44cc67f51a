/**
 * Chaos over HTTP: the admin control surface an experiment uses for faults that need an instance's
 * cooperation ({@code /admin/v1/chaos/...}: suppress LISTEN, crash, restart the embedded database,
 * report what the feed delivered), and the read API of past runs for dashboards
 * ({@code /api/v1/chaos/experiments}).
 */
package com.bigbox.server.chaos;
