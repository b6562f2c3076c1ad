/** How ACE writes and reads JSON, and writes a point in time, configured once. Plain Java, used by every package that writes or reads JSON. */
package io.ace.json;
