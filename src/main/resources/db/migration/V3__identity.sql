-- Identity: accounts, browser/API sessions with rotating refresh tokens, and the security audit log.

CREATE TABLE account (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored lower-cased by the service, so the unique index is case-insensitive in effect.
    email               varchar(254) NOT NULL UNIQUE,
    -- Jakarta Security Pbkdf2PasswordHash format: algorithm:iterations:salt:hash.
    password_hash       varchar(512) NOT NULL,
    role                varchar(16)  NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    password_changed_at timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0
);

-- One login = one session = one refresh-token family. Revoking the session ends every token in it.
CREATE TABLE auth_session (
    id            uuid         PRIMARY KEY,
    account_id    bigint       NOT NULL REFERENCES account (id),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    last_used_at  timestamptz  NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    revoke_reason varchar(32),
    user_agent    varchar(200)
);
CREATE INDEX auth_session_account_idx ON auth_session (account_id) WHERE revoked_at IS NULL;

-- Only the SHA-256 of a refresh token is kept; a stolen table cannot be replayed.
CREATE TABLE refresh_token (
    token_hash  char(64)     PRIMARY KEY,
    session_id  uuid         NOT NULL REFERENCES auth_session (id),
    issued_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at  timestamptz  NOT NULL,
    -- Set when the token is exchanged; presenting it again is reuse and revokes the session.
    used_at     timestamptz
);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

CREATE TABLE audit_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    type        varchar(40)  NOT NULL,
    -- Who acted (account id or email as submitted, "anonymous", "system") and on what.
    actor       varchar(254) NOT NULL,
    subject     varchar(254),
    client_ip   varchar(64),
    request_id  varchar(64),
    detail      varchar(500)
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_type_idx ON audit_event (type, occurred_at DESC);
