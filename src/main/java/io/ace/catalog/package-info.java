/**
 * Tables as the catalog describes them: columns, types, keys and collations, and quoted
 * identifiers.
 */
package io.ace.catalog;
