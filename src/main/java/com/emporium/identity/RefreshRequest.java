package com.emporium.identity;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bearer mode sends the refresh token in the body; browser mode sends the cookie and no body. */
@Schema(examples = """
        {"refreshToken": "rt_8Jd2kQ0vX1mZ4nB7cW9yLp"}""")
public record RefreshRequest(@Size(max = 200) String refreshToken) {}
