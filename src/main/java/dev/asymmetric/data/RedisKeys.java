package dev.asymmetric.data;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The shared Redis, over its loopback port: readiness, and deleting a clone's keys by prefix. */
public final class RedisKeys {
    private final HostAndPort address;
    private final DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(3000).socketTimeoutMillis(10_000).clientName("asymmetric")
            .protocol(redis.clients.jedis.RedisProtocol.RESP2).build();

    public RedisKeys(int port) {
        this.address = new HostAndPort("127.0.0.1", port);
    }

    public boolean ready() {
        try (Jedis j = new Jedis(address, config)) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Deletes every key starting with {@code prefix}; returns how many went. */
    public long deletePrefix(String prefix) {
        try (Jedis j = new Jedis(address, config)) {
            long deleted = 0;
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match(prefix + "*").count(500);
            do {
                ScanResult<String> page = j.scan(cursor, params);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    deleted += j.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            return deleted;
        } catch (RuntimeException e) {
            throw new AsymException(ErrorCode.CLONE_START_FAILED, "deleting Redis keys under '" + prefix + "' failed: "
                    + e.getMessage() + ". Check the shared Redis (asymmetric doctor), then reset the clone.");
        }
    }
}
