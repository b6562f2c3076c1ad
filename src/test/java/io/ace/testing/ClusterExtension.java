package io.ace.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves the {@link LocalCluster} and the per-class {@link Ace} of an {@link OnCluster} test class. */
final class ClusterExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCluster.class || type == Ace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        OnCluster on = classContext.getRequiredTestClass().getAnnotation(OnCluster.class);
        LocalCluster cluster = on.value() == OnCluster.Kind.PGLOGICAL ? LocalCluster.pglogical() : LocalCluster.plain();
        if (parameter.getParameter().getType() == LocalCluster.class) {
            return cluster;
        }
        return classContext.getStore(NAMESPACE).computeIfAbsent(ClassAce.class, k -> new ClassAce(cluster, on.properties()), ClassAce.class).ace;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** One application context per test class, in a home directory removed afterwards. */
    private static final class ClassAce implements AutoCloseable {
        private final Path home;
        private final Ace ace;

        ClassAce(LocalCluster cluster, String[] properties) {
            try {
                this.home = Files.createTempDirectory("ace-test-home-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.ace = new Ace(cluster.serviceFile(), home, properties);
        }

        @Override
        public void close() throws IOException {
            ace.close();
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
