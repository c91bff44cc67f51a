/** Test support shared by the modules: one fresh PostgreSQL database per test class. */
package com.bigbox.testkit;
