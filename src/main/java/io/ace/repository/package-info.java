/**
 * What every store of the job repository's database shares: which database it is. The schema itself
 * is versioned by Flyway ({@code db/migration/{vendor}} and {@code repository.migration}).
 */
package io.ace.repository;
