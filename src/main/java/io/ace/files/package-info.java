/** Files ACE writes: private to their user from the moment they exist. Plain Java, used by every package that writes one. */
package io.ace.files;
