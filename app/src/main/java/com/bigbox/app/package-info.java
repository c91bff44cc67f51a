/** The {@code bigbox} command line and the composition root that wires the engine together. */
package com.bigbox.app;
