/**
 * Clusters and nodes from the service file, passwords from pgpass, node pools and the session
 * settings every connection pins.
 */
package io.ace.cluster;
