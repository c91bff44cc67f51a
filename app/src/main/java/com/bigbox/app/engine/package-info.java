/** The composition root: settings, the database choice, and {@link com.bigbox.app.engine.Engine}, which wires one instance. */
package com.bigbox.app.engine;
