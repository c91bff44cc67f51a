/** Finance: invoices for an accepted quote (deposit and balance) and what a payment leaves outstanding. */
package com.bigbox.autonomic.finance;
