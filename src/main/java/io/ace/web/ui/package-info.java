/**
 * The admin UI: dashboard, launch forms, executions, history, reports, schedules and audit pages,
 * rendered with Thymeleaf.
 */
package io.ace.web.ui;
