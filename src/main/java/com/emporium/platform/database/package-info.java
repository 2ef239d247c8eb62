/**
 * Database access that the container's pool does not give: the long-lived connections that LISTEN for
 * PostgreSQL notifications. Their settings are the data source's own {@code db.*} keys, read in one place.
 */
package com.emporium.platform.database;
