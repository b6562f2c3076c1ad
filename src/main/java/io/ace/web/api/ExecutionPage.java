package io.ace.web.api;

import java.util.List;

/**
 * One page of executions, newest first.
 *
 * @param total every execution the filter matches
 */
record ExecutionPage(long total, int page, int size, List<Execution> executions) {
}
