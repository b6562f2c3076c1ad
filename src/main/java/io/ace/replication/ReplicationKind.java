package io.ace.replication;

/** Which replication a node runs, told by what it has installed. */
public enum ReplicationKind {
    /** pgEdge Spock: its catalog in schema {@code spock}. */
    SPOCK("spock"),
    /** pglogical: the same catalog shape in schema {@code pglogical}. */
    PGLOGICAL("pglogical"),
    /** PostgreSQL's own publications and subscriptions. */
    NATIVE("native");

    private final String label;

    ReplicationKind(String label) {
        this.label = label;
    }

    /** As reports name it: {@code spock}, {@code pglogical}, {@code native}. */
    public String label() {
        return label;
    }
}
