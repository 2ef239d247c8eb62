package com.emporium.cart;

import java.util.Optional;

/** Who is asking for a cart: the signed-in account's subject and/or a guest cart token. */
public record CartAccess(Optional<String> subject, Optional<String> token) {}
