package dev.trajectory.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Event ids: random ones for new events, deterministic ones for records that may be sent more than once. */
public final class EventIds {

    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /** A new random id: a version 4 UUID written as 32 lowercase hex characters without dashes. */
    public static String newEventId() {
        UUID uuid = UUID.randomUUID();
        return HEX.toHexDigits(uuid.getMostSignificantBits()) + HEX.toHexDigits(uuid.getLeastSignificantBits());
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
