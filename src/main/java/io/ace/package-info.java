/**
 * The application: the entry point, which runs one command per process and exits with its code,
 * and the list of registered operations. Nothing depends on this package.
 */
package io.ace;
