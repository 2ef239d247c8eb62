/**
 * Cluster signals: a change committed on one replica that every replica must react to at once (a revoked
 * session, a changed role). They travel as PostgreSQL NOTIFY on one channel, sent inside the transaction
 * that made the change, so a rolled-back change signals nothing. A signal carries no data a replica could
 * trust blindly: receivers drop a cache entry and read the truth from the database again.
 */
package com.emporium.platform.signal;
