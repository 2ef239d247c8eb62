/**
 * Protection at the HTTP edge, applied by servlet filters in the order web.xml maps them: the client
 * address (X-Forwarded-For only from trusted proxies), security headers, CORS for configured origins,
 * rate limits and the browser-mode cookie session with its CSRF and Origin checks.
 */
package com.emporium.platform.security;
