package com.emporium.notify;

import com.emporium.platform.problem.ProblemException;

/** 400: a webhook URL that the policy does not allow (scheme, private address, unresolvable host). */
public class WebhookUrlRefused extends ProblemException {
    public WebhookUrlRefused(String detail) {
        super(400, "webhook-url-refused", "Webhook URL refused", detail);
    }
}
