-- Refunds Stripe knows about: made by Emporium, made in the Stripe dashboard, or left pending by an outage.

-- A Stripe refund id is recorded at most once: a dashboard refund reported by several events (and by
-- their redeliveries) becomes one refund row, whichever event arrives first.
CREATE UNIQUE INDEX refund_provider_ref_key ON refund (provider_ref) WHERE provider_ref IS NOT NULL;

-- Lease of the reconciliation job for refunds still PENDING (Stripe timed out or answered pending), as
-- payment.checked_at is for payments: replicas share the work instead of asking Stripe twice.
ALTER TABLE refund ADD COLUMN checked_at timestamptz;
CREATE INDEX refund_pending_idx ON refund (created_at) WHERE status = 'PENDING';
