-- Addresses each account has logged in from successfully. A login from one of them has a guessing budget
-- of its own, so failed guesses from elsewhere cannot lock the owner out (docs/security.md).
CREATE TABLE login_address (
    account_id      bigint       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    address         varchar(64)  NOT NULL,
    last_success_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, address)
);
