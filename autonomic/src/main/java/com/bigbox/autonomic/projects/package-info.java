/** Projects and their tasks: who does a task (rostering), and when a project's plan is at risk. */
package com.bigbox.autonomic.projects;
