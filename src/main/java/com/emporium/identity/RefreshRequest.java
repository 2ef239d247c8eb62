package com.emporium.identity;

import jakarta.validation.constraints.Size;

/** Bearer mode sends the refresh token in the body; browser mode sends the cookie and no body. */
public record RefreshRequest(@Size(max = 200) String refreshToken) {}
