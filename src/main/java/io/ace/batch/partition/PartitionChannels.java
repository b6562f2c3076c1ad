package io.ace.batch.partition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;

/**
 * The channels that carry partition requests to the workers, one per region. By default each is
 * a {@link QueueChannel} kept in the job repository's database ({@link JdbcChannelMessageStore},
 * PostgreSQL's {@code FOR UPDATE SKIP LOCKED} poll), so workers need nothing but the repository;
 * a {@link PollableChannel} bean named {@code acePartitionRequests} (or
 * {@code acePartitionRequests.REGION}) in the application context replaces it, e.g. one backed by
 * a broker.
 */
public final class PartitionChannels {

    /** The name of a channel bean that replaces the database-backed channel (of the partitions without a region). */
    public static final String BEAN = "acePartitionRequests";
    /** The message store's region (Spring Integration's word for a namespace of its tables' rows). */
    private static final String STORE_REGION = "ACE";

    private final DataSource dataSource;
    private final ListableBeanFactory beans;
    private final MessagingTemplate messaging = new MessagingTemplate();
    private final Map<String, PollableChannel> channels = new ConcurrentHashMap<>();
    private volatile JdbcChannelMessageStore store;

    public PartitionChannels(DataSource dataSource, ListableBeanFactory beans) {
        this.dataSource = dataSource;
        this.beans = beans;
        // a worker asks and moves on: it never waits inside the channel
        messaging.setReceiveTimeout(0);
    }

    /** Sends a request for a partition of {@code region} (null: none); in the caller's transaction for the database-backed channel. */
    void send(String region, StepExecutionRequest request, long jobExecutionId) {
        Message<StepExecutionRequest> message = MessageBuilder.withPayload(request)
                .setCorrelationId(jobExecutionId + ":" + request.getStepName()).build();
        messaging.send(channel(region), message);
    }

    /** The next request for {@code region}, or null when there is none; in the caller's transaction for the database-backed channel. */
    StepExecutionRequest receive(String region) {
        Message<?> message = messaging.receive(channel(region));
        return message == null ? null : (StepExecutionRequest) message.getPayload();
    }

    private PollableChannel channel(String region) {
        String name = region == null ? BEAN : BEAN + "." + region;
        return channels.computeIfAbsent(name, n -> beans.containsBean(n) ? beans.getBean(n, PollableChannel.class)
                : new QueueChannel(new MessageGroupQueue(store(), n)));
    }

    private JdbcChannelMessageStore store() {
        if (store == null) {
            synchronized (this) {
                if (store == null) {
                    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                    // one row per poll: the oldest request first
                    jdbc.setFetchSize(1);
                    JdbcChannelMessageStore s = new JdbcChannelMessageStore();
                    s.setJdbcTemplate(jdbc);
                    s.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
                    s.setRegion(STORE_REGION);
                    // requests are read back only as what was sent
                    s.addAllowedPatterns("org.springframework.messaging.support.GenericMessage", "org.springframework.messaging.MessageHeaders",
                            StepExecutionRequest.class.getName(), "java.util.*", "java.lang.*");
                    s.afterPropertiesSet();
                    store = s;
                }
            }
        }
        return store;
    }
}
