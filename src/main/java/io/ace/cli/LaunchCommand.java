package io.ace.cli;

import io.ace.batch.LaunchRequest;

/** A command that launches an operation: its options, checked, as one request. */
interface LaunchCommand {

    LaunchRequest request();
}
