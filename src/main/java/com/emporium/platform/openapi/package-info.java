/**
 * The API's OpenAPI document beyond what the annotation scanner derives: the RFC 9457 problem schema
 * on every error an operation can answer, the headers every answer carries, tags and operation ids.
 */
package com.emporium.platform.openapi;
