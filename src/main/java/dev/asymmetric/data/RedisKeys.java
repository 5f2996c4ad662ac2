package dev.asymmetric.data;

import dev.asymmetric.errors.AsymException;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The shared Redis, over its loopback port: readiness, and each clone's key prefix. Which home owns a prefix is
 * kept in the hash {@value #OWNERS} (field: the prefix, value: the 12-hex home id), under the {@code asym:}
 * namespace no clone prefix can take, so no home ever deletes another home's keys.
 */
public final class RedisKeys {
    public static final String OWNERS = "asym:owners";
    private static final String RESERVED = "asym:";
    private final HostAndPort address;
    private final DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(3000).socketTimeoutMillis(10_000).clientName("asymmetric")
            .protocol(redis.clients.jedis.RedisProtocol.RESP2).build();

    public RedisKeys(int port) {
        this("127.0.0.1", port);
    }

    public RedisKeys(String host, int port) {
        this.address = new HostAndPort(host, port);
    }

    public boolean ready() {
        try (Jedis j = new Jedis(address, config)) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Claims {@code prefix} for {@code homeId} (if no home has) and deletes every key under it; returns how many
     * went. Refuses, deleting nothing, when another home owns the prefix.
     */
    public long deletePrefix(String prefix, String homeId) {
        DatabaseMark.checkHome(homeId);
        return redis("deleting Redis keys under '" + prefix + "'", j -> {
            checkPrefix(prefix);
            if (j.hsetnx(OWNERS, prefix, homeId) == 0 && !homeId.equals(j.hget(OWNERS, prefix))) {
                throw DataPlaneErrors.ownedElsewhere("Redis key prefix", prefix, j.hget(OWNERS, prefix));
            }
            return unlinkAll(j, prefix);
        });
    }

    /** Deletes the prefix's keys and gives the prefix up; false (nothing deleted) when another home owns it. */
    public boolean release(String prefix, String homeId) {
        DatabaseMark.checkHome(homeId);
        return redis("deleting Redis keys under '" + prefix + "'", j -> {
            checkPrefix(prefix);
            String owner = j.hget(OWNERS, prefix);
            if (owner != null && !owner.equals(homeId)) {
                return false;
            }
            unlinkAll(j, prefix);
            j.hdel(OWNERS, prefix);
            return true;
        });
    }

    /** Whether some home owns {@code prefix} or any key starts with it (for choosing clone ids). */
    public boolean taken(String prefix) {
        return redis("looking up Redis keys under '" + prefix + "'", j -> j.hexists(OWNERS, prefix)
                || anyKey(j, prefix));
    }

    /** The home owning {@code prefix}, if one claimed it. */
    public Optional<String> owner(String prefix) {
        return redis("looking up the owner of '" + prefix + "'", j -> Optional.ofNullable(j.hget(OWNERS, prefix)));
    }

    /**
     * Deletes every key starting with {@code prefix} that no home has claimed; returns how many went.
     *
     * @deprecated use {@link #deletePrefix(String, String)}, which claims the prefix for a home
     */
    @Deprecated
    public long deletePrefix(String prefix) {
        return redis("deleting Redis keys under '" + prefix + "'", j -> {
            checkPrefix(prefix);
            String owner = j.hget(OWNERS, prefix);
            if (owner != null) {
                throw DataPlaneErrors.ownedElsewhere("Redis key prefix", prefix, owner);
            }
            return unlinkAll(j, prefix);
        });
    }

    /** One SCAN pass, unlinking each page: SCAN returns every key present for the whole pass. */
    private static long unlinkAll(Jedis j, String prefix) {
        long deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(glob(prefix) + "*").count(500);
        do {
            ScanResult<String> page = j.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                deleted += j.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return deleted;
    }

    /** Whether any key starts with {@code prefix}; stops at the first page with one. */
    private static boolean anyKey(Jedis j, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams params = new ScanParams().match(glob(prefix) + "*").count(1000);
        do {
            ScanResult<String> page = j.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                return true;
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return false;
    }

    private static String glob(String prefix) {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private static void checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.startsWith(RESERVED)) {
            throw new IllegalArgumentException("not a clone key prefix: " + prefix);
        }
    }

    private <T> T redis(String step, Function<Jedis, T> body) {
        try (Jedis j = new Jedis(address, config)) {
            return body.apply(j);
        } catch (AsymException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DataPlaneErrors.redis(step, e);
        }
    }
}
