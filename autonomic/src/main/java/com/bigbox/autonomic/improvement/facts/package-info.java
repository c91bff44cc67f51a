/** The facts the self-improvement loops monitor, as a port the PostgreSQL adapter implements with SQL. */
package com.bigbox.autonomic.improvement.facts;
