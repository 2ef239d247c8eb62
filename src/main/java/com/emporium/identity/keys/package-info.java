/**
 * The signing keys of the access tokens: a directory of PEM files (a Secret in Kubernetes) re-read
 * while running, so keys rotate without a restart, published as a JWKS that this server's own
 * MicroProfile JWT verifier reads as well.
 */
package com.emporium.identity.keys;
