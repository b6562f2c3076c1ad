/**
 * Who may use serve: users and API tokens from configuration, roles, login and the announcement
 * of where serve listens.
 */
package io.ace.web.security;
