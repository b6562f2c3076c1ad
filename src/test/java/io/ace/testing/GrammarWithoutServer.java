package io.ace.testing;

import io.ace.Operations;
import io.ace.batch.BatchResources;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.RecordedDiffFile;
import java.nio.file.Path;

/**
 * The launch grammar of every registered operation with nothing behind it: no job repository, no
 * cluster. An execution's diff file is {@code execution-ID.json} in the temporary directory; a launch naming no cluster gets
 * {@code local}. For tests of what launches parse to, which need no server.
 */
public final class GrammarWithoutServer {

    private GrammarWithoutServer() {
    }

    public static LaunchGrammar create() {
        return new LaunchGrammar(new Operations().operationRegistry(
                new BatchResources(null, null, null, null, null, "test", 1, null, null, null)),
                (id, table) -> new RecordedDiffFile(Path.of(System.getProperty("java.io.tmpdir"), "execution-" + id + ".json"), "0".repeat(64)),
                given -> given == null ? "local" : given, Path.of(System.getProperty("java.io.tmpdir"), "plans"));
    }
}
