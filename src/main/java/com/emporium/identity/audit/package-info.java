/**
 * The security audit trail: append-only events written in their own transactions so refused requests
 * are recorded too, and readable by admins only.
 */
package com.emporium.identity.audit;
