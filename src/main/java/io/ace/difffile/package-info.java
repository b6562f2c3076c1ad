/**
 * The diff file: a streamed reader and writer of the JSON format shared with pgEdge ACE, value
 * encodings that round-trip exactly, and the file's digest.
 */
package io.ace.difffile;
