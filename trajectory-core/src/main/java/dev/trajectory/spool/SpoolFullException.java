package dev.trajectory.spool;

import java.io.IOException;

/** The spool has no room for more records and nothing it may evict. */
final class SpoolFullException extends IOException {

    SpoolFullException(String message) {
        super(message);
    }
}
