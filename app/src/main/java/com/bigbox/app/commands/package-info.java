/** One class per {@code bigbox} subcommand. */
package com.bigbox.app.commands;
