/**
 * Feature flags on the OpenFeature standard. Application code asks an OpenFeature {@code Client} and
 * always passes a safe default ({@link com.emporium.flags.Flag}); flags are written in flagd's
 * flag-definition JSON and evaluated in-process by the flagd provider's engine, fed from a file that
 * {@link com.emporium.flags.FlagFile} watches, validates and hashes. Public flags are served to storefronts
 * over the OpenFeature Remote Evaluation Protocol (OFREP); private ones never leave the server.
 */
package com.emporium.flags;
