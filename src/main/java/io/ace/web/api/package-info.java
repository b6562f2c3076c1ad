/**
 * The REST API: launch operations, follow and control executions, list the report archive.
 */
package io.ace.web.api;
