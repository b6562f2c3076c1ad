package io.ace.cli;

import io.ace.batch.Workers;
import io.ace.config.EffectiveConfiguration;
import io.ace.exit.AceException;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ace worker}: runs partitions of distributed runs (those launched with {@code --distributed})
 * taken from the job repository's channel, until stopped. Its partitions then go back to the
 * channel after their current block, for other workers to resume.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs partitions of distributed runs (--distributed) until stopped (Ctrl-C or SIGTERM).",
            "Needs the PostgreSQL job repository of the runs (ACE_REPOSITORY_URL) and their clusters in its service file."})
public class WorkerCommand implements Callable<Integer> {

    @Option(names = "--concurrency", paramLabel = "N", description = "Partitions run at once (default: processors of this machine, ${DEFAULT-VALUE}).")
    int concurrency = Runtime.getRuntime().availableProcessors();

    @Option(names = "--region", paramLabel = "NAME",
            description = "Take only partitions of this region (region= of their nodes in the cluster file); without it, only those of no region.")
    String region;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private Workers workers;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || concurrency > 256) {
            throw AceException.usage("--concurrency must be between 1 and 256, got " + concurrency);
        }
        ContextClosing closing = new ContextClosing(context);
        context.getBean(EffectiveConfiguration.class).logAtStart();
        String id = workers.serve(concurrency, region);
        System.out.println("worker " + id + " serves partitions " + (region == null ? "without a region" : "of region " + region)
                + ", " + concurrency + " at a time; stop it with Ctrl-C or SIGTERM");
        closing.await();
        return 0;
    }
}
