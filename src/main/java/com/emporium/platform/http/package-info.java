/** HTTP conventions shared by all resources: request ids, body size limits, public caching and If-Match. */
package com.emporium.platform.http;
