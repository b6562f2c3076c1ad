/**
 * The HTTP side of serve: the actions the UI and the API share (role checks, audit), node health,
 * and the web configuration.
 */
package io.ace.web;
