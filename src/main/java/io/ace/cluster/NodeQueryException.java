package io.ace.cluster;

/** A query that failed on a node, with the node's name in the message. */
public class NodeQueryException extends Exception {

    private final String node;

    public NodeQueryException(String node, Throwable cause) {
        super("on node " + node + ": " + cause.getMessage(), cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
