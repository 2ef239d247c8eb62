/**
 * Security events raised at the HTTP edge (refused tokens, 403s, CSRF and Origin refusals, rate-limit
 * refusals) handed to whoever keeps the audit trail as CDI events, so platform code never depends on a
 * feature. Events a client can trigger at will are damped per address, so a flood of refusals cannot
 * become a flood of audit rows.
 */
package com.emporium.platform.audit;
