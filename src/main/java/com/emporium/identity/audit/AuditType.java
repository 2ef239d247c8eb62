package com.emporium.identity.audit;

/** The kinds of audit events; the code is what is stored and what admins filter on. */
public enum AuditType {
    REGISTERED("account.registered"),
    REGISTRATION_FOR_EXISTING("account.registration-for-existing"),
    ACCOUNT_REMOVED("account.removed"),
    ACCOUNT_CREATED("account.created"),
    FIRST_ADMIN_CREATED("account.first-admin"),
    ROLE_CHANGED("account.role-changed"),
    LOGIN_SUCCEEDED("login.succeeded"),
    LOGIN_FAILED("login.failed"),
    LOGIN_THROTTLED("login.throttled"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_CHANGE_FAILED("password.change-failed"),
    PASSWORD_CHANGE_THROTTLED("password.throttled"),
    PASSWORD_RESET_REQUESTED("password.reset-requested"),
    PASSWORD_RESET_THROTTLED("password.reset-throttled"),
    PASSWORD_RESET("password.reset"),
    KEYS_ROTATED("keys.rotated"),
    LOGOUT("session.logout"),
    SESSION_REVOKED("session.revoked"),
    REFRESH_REUSED("refresh.reused"),
    LOYALTY_ADJUSTED("loyalty.adjusted");

    private final String code;

    AuditType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
