package io.ace.batch.partition;

import io.ace.exit.UserInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
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
 *
 * <p>A message carries a {@link PartitionRequest} and nothing else: the database-backed channel
 * stores it as JSON ({@link PartitionRequestCodec}), never as a Java-serialized object, since
 * whoever can write to the job repository can write its rows. A message that is not a request
 * (too large, not JSON, another shape, another region) is taken from the channel, logged and
 * dropped, and the worker goes on with the next one.
 */
public final class PartitionChannels {

    /** The name of a channel bean that replaces the database-backed channel (of the partitions without a region). */
    public static final String BEAN = "acePartitionRequests";
    /** The message store's region (Spring Integration's word for a namespace of its tables' rows). */
    private static final String STORE_REGION = "ACE";
    private static final Logger LOG = LoggerFactory.getLogger(PartitionChannels.class);

    /** What a message that is not a request is read as: why, and the message's id in the channel's table. */
    private record Refused(String messageId, String why) {
    }

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

    /** Sends a partition's request; in the caller's transaction for the database-backed channel. */
    void send(PartitionRequest request) {
        messaging.send(channel(request.region()), MessageBuilder.withPayload(request).build());
    }

    /**
     * The next request for {@code region} (null: none), or null when there is none; messages that
     * are not requests of that region are dropped on the way. In the caller's transaction for the
     * database-backed channel.
     */
    PartitionRequest receive(String region) {
        while (true) {
            Message<?> message = messaging.receive(channel(region));
            if (message == null) {
                return null;
            }
            Object payload = message.getPayload();
            if (payload instanceof PartitionRequest request && Objects.equals(request.region(), region)) {
                return request;
            }
            String why = payload instanceof Refused refused ? refused.why() + " (message " + refused.messageId() + ")"
                    : payload instanceof PartitionRequest request ? "it is a request of region " + request.region()
                    : "it carries a " + payload.getClass().getName();
            LOG.warn("partition channel {}: dropped a message that is not a partition request: {}", channelName(region),
                    UserInput.escaped(why));
        }
    }

    private static String channelName(String region) {
        return region == null ? BEAN : BEAN + "." + region;
    }

    private PollableChannel channel(String region) {
        String name = channelName(region);
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
                    s.setChannelMessageStoreQueryProvider(new BoundedPollQueries(PartitionRequestCodec.MAX_BYTES));
                    s.setRegion(STORE_REGION);
                    s.setSerializer((message, out) -> out.write(PartitionRequestCodec.encode((PartitionRequest) message.getPayload())));
                    s.setMessageRowMapper(PartitionChannels::read);
                    s.afterPropertiesSet();
                    store = s;
                }
            }
        }
        return store;
    }

    /** A row the poll took from the table: its request, or why it is none (never an exception, so the row's removal commits). */
    private static Message<?> read(ResultSet row, int rowNumber) throws SQLException {
        String id = row.getString("MESSAGE_ID");
        try {
            return MessageBuilder.withPayload(PartitionRequestCodec.decode(row.getLong(BoundedPollQueries.SIZE),
                    row.getBytes("MESSAGE_CONTENT"))).build();
        } catch (PartitionRequestCodec.Refused e) {
            return MessageBuilder.withPayload(new Refused(id == null ? "without an id" : id.strip(), e.getMessage())).build();
        }
    }
}
