/**
 * The scheduler of the serve process: job definition files, fire times in local time, fire
 * records, overlap and missed-fire handling.
 */
package io.ace.schedule;
