package com.emporium.platform.startup;

/** Fired once at startup after migrations; {@code embedded} tells whether this is the developer stand-in. */
public record SchemaReady(boolean embedded) {}
