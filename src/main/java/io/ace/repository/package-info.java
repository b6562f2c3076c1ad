/** What every store of the job repository's database shares: creating their tables safely when processes start together. */
package io.ace.repository;
