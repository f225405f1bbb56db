package dev.trajectory.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Event ids: random ones for new events, deterministic ones for records that may be sent more than once. */
public final class EventIds {

    private static final HexFormat HEX = HexFormat.of();

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * {@code UUID.randomUUID()} draws from one shared {@link SecureRandom}, which costs about a microsecond and a
     * monitor per id. Ids only need to be unique, not unguessable, so each thread draws from its own LXM generator
     * (384 bits of state, seeded from {@link SecureRandom}): no lock, a few nanoseconds, and with 122 random bits
     * per id a collision between any two ids ever generated stays as unlikely as with {@code randomUUID()}.
     */
    private static final ThreadLocal<RandomGenerator> RANDOM = ThreadLocal.withInitial(EventIds::seededGenerator);

    private static final String GENERATOR = "L128X256MixRandom";

    private EventIds() {
    }

    /** A new random id: a version 4 UUID written as 32 lowercase hex characters without dashes. */
    public static String newEventId() {
        RandomGenerator random = RANDOM.get();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        byte[] text = new byte[32];
        writeHex(high, text, 0);
        writeHex(low, text, 16);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void writeHex(long value, byte[] text, int offset) {
        for (int i = 15; i >= 0; i--) {
            text[offset + i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    private static RandomGenerator seededGenerator() {
        SecureRandom seeds = new SecureRandom();
        byte[] seed = new byte[48];
        seeds.nextBytes(seed);
        try {
            return RandomGeneratorFactory.of(GENERATOR).create(seed);
        }
        catch (IllegalArgumentException missing) {
            // A runtime image built without the jdk.random module: fall back to a per-thread SecureRandom.
            return seeds;
        }
    }

    /**
     * A deterministic id for a caller's record key: the SHA-256 of its UTF-8 bytes as 64 hex characters. The same
     * key always gives the same id, so a pipeline that delivers at least once can re-send without duplicates.
     */
    public static String fromRecordKey(String recordKey) {
        if (recordKey == null || recordKey.isEmpty()) {
            throw new IllegalArgumentException("recordKey must not be empty");
        }
        return sha256Hex(recordKey);
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest; every JVM is required to provide one. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
