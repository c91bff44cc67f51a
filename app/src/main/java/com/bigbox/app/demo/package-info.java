/** {@code bigbox demo}: a seeded stream of agency activity on an accelerated clock. */
package com.bigbox.app.demo;
