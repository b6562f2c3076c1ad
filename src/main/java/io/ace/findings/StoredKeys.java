package io.ace.findings;

import io.ace.diff.KeyRecheck;
import java.util.List;

/** The keys and row hashes of a stored run of a block's differences (in key order), and the run's position in the block. */
public record StoredKeys(int seq, List<KeyRecheck.Recorded> keys) {
}
